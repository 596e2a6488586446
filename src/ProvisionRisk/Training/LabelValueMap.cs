using System.Diagnostics.CodeAnalysis;

namespace ProvisionRisk.Training;

/// <summary>
/// A row's label values by label name: the label names are shared by every row of a file, and the values are the
/// shared canonical strings, so a row costs an array of references rather than a dictionary of its own.
/// </summary>
internal sealed class LabelValueMap(IReadOnlyList<string> labels, string[] values) : IReadOnlyDictionary<string, string>
{
    public int Count => labels.Count;

    public IEnumerable<string> Keys => labels;

    public IEnumerable<string> Values => values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No label '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < labels.Count; i++)
        {
            yield return new KeyValuePair<string, string>(labels[i], values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
