using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ProvisionRisk.Features;

/// <summary>
/// Turns provision texts into features: word 1–2-grams and character 4-grams (ML.NET's text featurizer, lower-cased,
/// without its English stop-word list, which would delete "not", "any", "may", "without"), plus the legal cue vector.
/// Fitting only builds the n-gram dictionary; it never sees labels.
/// </summary>
internal sealed class TextFeaturizer
{
    public const string FeaturesColumn = "Features";
    private const string TextFeaturesColumn = "TextFeatures";

    private readonly MLContext ml;
    private readonly string[] slotNames;

    private TextFeaturizer(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        this.ml = ml;
        Transformer = transformer;
        InputSchema = inputSchema;
        var probe = transformer.Transform(ml.Data.LoadFromEnumerable(Array.Empty<FeatureInput>(), InputSchemaDefinition()));
        var column = probe.Schema[FeaturesColumn];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        slotNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        FeatureCount = ((VectorDataViewType)column.Type).Size;
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public int FeatureCount { get; }

    /// <summary>Gets the name of every feature slot (n-gram or cue), in slot order.</summary>
    public IReadOnlyList<string> SlotNames => slotNames;

    public static TextFeaturizer Fit(MLContext ml, IEnumerable<string> texts)
    {
        var data = ml.Data.LoadFromEnumerable(texts.Select(Input).ToList(), InputSchemaDefinition());
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
        return new TextFeaturizer(ml, transformer, data.Schema);
    }

    public static TextFeaturizer Load(MLContext ml, Stream stream)
    {
        var transformer = ml.Model.Load(stream, out var schema);
        return new TextFeaturizer(ml, transformer, schema);
    }

    public void Save(Stream stream) => ml.Model.Save(Transformer, InputSchema, stream);

    /// <summary>Featurizes a batch of texts through one <see cref="IDataView"/> pass.</summary>
    public List<FeaturizedRow> Transform(IReadOnlyList<string> texts)
    {
        var inputs = texts.Select(Input).ToList();
        var view = Transformer.Transform(ml.Data.LoadFromEnumerable(inputs, InputSchemaDefinition()));
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
            result.Add(new FeaturizedRow(copy, inputs[i].Cues));
            i++;
        }

        return result;
    }

    internal static Microsoft.ML.Data.SchemaDefinition InputSchemaDefinition()
    {
        var definition = Microsoft.ML.Data.SchemaDefinition.Create(typeof(FeatureInput));
        definition[nameof(FeatureInput.Cues)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, LegalCues.All.Count);
        return definition;
    }

    private static FeatureInput Input(string text) => new() { Text = text, Cues = LegalCues.Vector(text) };
}
