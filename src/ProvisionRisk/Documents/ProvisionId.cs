namespace ProvisionRisk.Documents;

/// <summary>Builds training-data identifiers (<c>source:shortref</c>) from references.</summary>
internal static class ProvisionId
{
    /// <summary>Returns the identifier of the provision <paramref name="reference"/> of <paramref name="document"/>.</summary>
    /// <param name="document">The document (source) name.</param>
    /// <param name="reference">The reference, for example <c>Article 19(4)</c>.</param>
    /// <returns>For example <c>budapest-ets185:art19(4)</c>.</returns>
    public static string For(string document, string reference)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(reference);
        return document + ":" + Shorten(reference);
    }

    /// <summary>Shortens a reference: <c>Article 19(4)</c> becomes <c>art19(4)</c>, <c>§ 1030(a)</c> becomes <c>s1030(a)</c>.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The short form, without spaces.</returns>
    public static string Shorten(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var s = reference;
        if (s.StartsWith("Article ", StringComparison.Ordinal)) s = "art" + s[8..];
        else if (s.StartsWith("Section ", StringComparison.Ordinal)) s = "s" + s[8..];
        else if (s.StartsWith("§ ", StringComparison.Ordinal)) s = "s" + s[2..];
        return s.Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
