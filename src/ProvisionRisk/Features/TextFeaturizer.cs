using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ProvisionRisk.Features;

/// <summary>
/// Turns provision texts into features: word 1–2-grams and character 4-grams (ML.NET's text featurizer, lower-cased,
/// without its English stop-word list, which would delete "not", "any", "may", "without"), plus the legal cue vector.
/// Fitting only builds the n-gram dictionary; it never sees labels.
/// </summary>
internal sealed partial class TextFeaturizer
{
    private const char MaskCharacter = '\u0001';

    public const string FeaturesColumn = "Features";
    private const string TextFeaturesColumn = "TextFeatures";

    private readonly MLContext ml;
    private readonly string[] slotNames;
    private readonly int[] cueIndices;
    private readonly int[] maskedCues;

    private TextFeaturizer(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, IReadOnlyList<string> featureCues)
    {
        this.ml = ml;
        Transformer = transformer;
        InputSchema = inputSchema;
        FeatureCues = featureCues;
        cueIndices = featureCues.Select(LegalCues.IndexOf).ToArray();
        maskedCues = Enumerable.Range(0, LegalCues.All.Count).Where(i => !cueIndices.Contains(i)).ToArray();
        if (cueIndices.Any(i => i < 0))
        {
            throw new InvalidDataException("the model names a legal cue this version does not know");
        }

        var probe = transformer.Transform(ml.Data.LoadFromEnumerable(Array.Empty<FeatureInput>(), InputSchemaDefinition(cueIndices.Length)));
        var column = probe.Schema[FeaturesColumn];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        slotNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        FeatureCount = ((VectorDataViewType)column.Type).Size;
    }

    public ITransformer Transformer { get; }

    /// <summary>Gets the names of the cues included in the feature vector, in slot order after the n-grams.</summary>
    public IReadOnlyList<string> FeatureCues { get; }

    /// <summary>Gets the positions in <see cref="LegalCues.All"/> of <see cref="FeatureCues"/>.</summary>
    public IReadOnlyList<int> CueIndices => cueIndices;

    public DataViewSchema InputSchema { get; }

    public int FeatureCount { get; }

    /// <summary>Gets the name of every feature slot (n-gram or cue), in slot order.</summary>
    public IReadOnlyList<string> SlotNames => slotNames;

    public static TextFeaturizer Fit(MLContext ml, IEnumerable<string> texts, IReadOnlyList<string> featureCues)
    {
        var indices = featureCues.Select(LegalCues.IndexOf).ToArray();
        var masked = Enumerable.Range(0, LegalCues.All.Count).Where(i => !indices.Contains(i)).ToArray();
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => Input(t, indices, masked).Input).ToList(), InputSchemaDefinition(indices.Length));
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 2,
                UseAllLengths = true,
                Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.Tf,
            },
            CharFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 4,
                UseAllLengths = false,
                Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.Tf,
            },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Text.FeaturizeText(TextFeaturesColumn, options, nameof(FeatureInput.Text))
            .Append(ml.Transforms.Concatenate(FeaturesColumn, TextFeaturesColumn, nameof(FeatureInput.Cues)));
        var transformer = pipeline.Fit(data);
        return new TextFeaturizer(ml, transformer, data.Schema, featureCues);
    }

    public static TextFeaturizer Load(MLContext ml, Stream stream, IReadOnlyList<string> featureCues)
    {
        var transformer = ml.Model.Load(stream, out var schema);
        return new TextFeaturizer(ml, transformer, schema, featureCues);
    }

    public void Save(Stream stream) => ml.Model.Save(Transformer, InputSchema, stream);

    /// <summary>Featurizes a batch of texts through one <see cref="IDataView"/> pass.</summary>
    public List<FeaturizedRow> Transform(IReadOnlyList<string> texts)
    {
        var inputs = texts.Select(Input).ToList();
        var view = Transformer.Transform(ml.Data.LoadFromEnumerable(inputs.Select(i => i.Input), InputSchemaDefinition(cueIndices.Length)));
        var result = new List<FeaturizedRow>(texts.Count);
        using var cursor = view.GetRowCursor([view.Schema[FeaturesColumn]]);
        var getter = cursor.GetGetter<VBuffer<float>>(view.Schema[FeaturesColumn]);
        var i = 0;
        while (cursor.MoveNext())
        {
            var buffer = default(VBuffer<float>);
            getter(ref buffer);
            var copy = default(VBuffer<float>);
            buffer.CopyTo(ref copy);
            result.Add(new FeaturizedRow(copy, inputs[i].AllCues));
            i++;
        }

        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\b(?:and|or|nor)\s+)?\u0001+(?:[\s,]*(?:\b(?:and|or|nor)\b)?[\s,]*\u0001+)*(?:[\s,]*\b(?:and|or)\b(?=\s))?",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MaskedRun();

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]{2,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    internal static Microsoft.ML.Data.SchemaDefinition InputSchemaDefinition(int cueCount) =>
        VectorSchema.For<FeatureInput>(nameof(FeatureInput.Cues), cueCount);

    private (FeatureInput Input, float[] AllCues) Input(string text) => Input(text, cueIndices, maskedCues);

    /// <summary>The featurizer's input: the text with the words of directional cues blanked out (they reach the model
    /// only through the sign-constrained output layer), and the cue vectors.</summary>
    private static (FeatureInput Input, float[] AllCues) Input(string text, int[] cueIndices, int[] masked)
    {
        var all = LegalCues.Vector(text);
        var chars = masked.Length == 0 ? null : text.ToCharArray();
        foreach (var m in masked)
        {
            foreach (System.Text.RegularExpressions.Match match in LegalCues.All[m].Pattern.Matches(text))
            {
                Array.Fill(chars!, MaskCharacter, match.Index, match.Length);
            }
        }

        // Blank the masked words together with the "and"/"or" that joined them, so that "who intentionally and
        // without right copies" reads as "who copies": the n-grams then do not change when a cue is added or removed.
        var visible = chars is null ? text : Spaces().Replace(MaskedRun().Replace(new string(chars), " "), " ");
        return (new FeatureInput { Text = visible, Cues = cueIndices.Select(i => all[i]).ToArray() }, all);
    }
}
