namespace ProvisionRisk.Documents;

/// <summary>A trimmed span of the source text on one line.</summary>
internal readonly record struct TextSpan(int Start, int End, int Line)
{
    public string Of(string source) => source[Start..End];

    public TextSpan From(int offset) => new(Start + offset, End, Line);

    public TextSpan Until(int offset) => new(Start, Start + offset, Line);
}
