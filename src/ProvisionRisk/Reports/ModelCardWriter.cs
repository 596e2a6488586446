using System.Globalization;
using System.Text.Json;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>Writes a model's card from its manifest and training data: as Markdown (MODEL_CARD.md), plain text or JSON.</summary>
public static class ModelCardWriter
{
    /// <summary>Writes the model card as Markdown.</summary>
    /// <param name="model">The model.</param>
    /// <param name="output">The destination.</param>
    public static void WriteMarkdown(RiskModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var m = model.Manifest;
        output.WriteLine("# ProvisionRisk default model card");
        output.WriteLine();
        output.WriteLine("Generated from the model's manifest by `provisionrisk info --model models/provisionrisk.model --format md`.");
        output.WriteLine();
        output.WriteLine("## What it does");
        output.WriteLine();
        output.WriteLine("Scores a provision of a cybercrime treaty or law for each label with a calibrated probability, and flags it when the");
        output.WriteLine("probability reaches the label's threshold. Labels follow the codebook summarised in `training-data/README.md`.");
        output.WriteLine();
        output.WriteLine("| label | threshold |");
        output.WriteLine("|---|---|");
        foreach (var label in m.Labels)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {m.Thresholds[label]:0.000} |"));
        }

        output.WriteLine();
        output.WriteLine("## How it was trained");
        output.WriteLine();
        output.WriteLine($"- Pipeline: `{m.Pipeline}` (word 1–2-grams and character 4-grams, IDF-weighted, without a stop-word list, plus legal cue features; per label a");
        output.WriteLine("  logistic-regression model (with naiveBayesWeighting, averaged with one on naive-Bayes weighted features), and FastTree on");
        output.WriteLine("  the non-directional cues, every label's out-of-fold linear score and the out-of-fold kind probabilities).");
        if (m.Settings.Contains("linearCueFeatures=false", StringComparison.Ordinal))
        {
            output.WriteLine("- The legal cues are read by the trees and the kind model, not by the linear models (`train --linear-cues no`).");
        }
        if (m.ContextWindow > 0)
        {
            output.WriteLine($"- Context: the trees also read the same linear scores and kind probabilities of the {m.ContextWindow} provisions before and after");
            output.WriteLine("  each one in its document, averaged by distance; a provision scored alone is its own context (`score --alone`).");
            if (m.Kinds.Count > 0)
            {
                output.WriteLine("  The kind reported for a provision with neighbours is read from its and their kind probabilities by a second model,");
                output.WriteLine("  when that model reads kinds better than the kind model alone on held-out folds of the training data.");
            }
        }

        if (m.RegionWindow > 0)
        {
            output.WriteLine($"- Region: the trees also read the mean of the same linear scores and kind probabilities over the {m.RegionWindow} provisions before and after");
            output.WriteLine("  each one in its document (itself included): what part of the instrument it sits in.");
        }

        output.WriteLine("- Output layer and calibration: a logistic layer over the raw score (and, stacked, the label's linear score) and the label's directional legal cues, each cue weight");
        output.WriteLine("  held to the sign the codebook gives it, a main effect to a least size (e.g. the judicial authorisation term always lowers missing safeguards), fitted on");
        output.WriteLine("  instrument-grouped out-of-fold scores; thresholds maximise F1 on those out-of-fold probabilities.");
        output.WriteLine($"- Training provisions: {m.TrainingRows} from {m.Sources.Count} instruments; seed {m.Seed}; {m.Settings}.");
        output.WriteLine($"- Training data SHA-256: `{m.TrainingDataHash}`.");
        output.WriteLine($"- Packages: {string.Join(", ", m.PackageVersions.Select(p => $"{p.Key} {p.Value}"))}.");
        output.WriteLine($"- Kinds predicted: {(m.Kinds.Count == 0 ? "none" : string.Join(", ", m.Kinds))}.");
        output.WriteLine();
        if (m.CrossValidation is { } cv)
        {
            output.WriteLine("## Leave-one-instrument-out quality");
            output.WriteLine();
            output.WriteLine("Each instrument is predicted by a model trained on all the others, with calibration and thresholds chosen inside that");
            output.WriteLine("training fold. Rerun with `provisionrisk train --data training-data --cv`.");
            output.WriteLine();
            output.WriteLine("| label | n | positives | precision | recall | F1 | ROC-AUC | PR-AUC | Brier | ECE |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var label in m.Labels)
            {
                var x = cv[label];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {x.Count} | {x.Positives} | {x.Precision:0.000} | {x.Recall:0.000} | {x.F1:0.000} | {x.RocAuc:0.000} | {x.PrAuc:0.000} | {x.Brier:0.000} | {x.Ece:0.000} |"));
            }

            output.WriteLine();
            if (m.CrossValidatedKindAccuracy is { } kinds)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Kind of provision: {kinds:0.000} of held-out provisions are predicted as the kind they are labelled with."));
                output.WriteLine();
            }
        }

        output.WriteLine("## Training data by instrument");
        output.WriteLine();
        output.Write("| instrument | provisions |");
        foreach (var label in m.Labels)
        {
            output.Write($" {label} positive |");
        }

        output.WriteLine();
        output.WriteLine("|---|---|" + string.Concat(m.Labels.Select(_ => "---|")));
        foreach (var group in model.TrainingData.Rows.GroupBy(r => r.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.Write($"| {group.Key} | {group.Count()} |");
            foreach (var label in m.Labels)
            {
                output.Write($" {group.Count(r => r.IsPositive(label))} |");
            }

            output.WriteLine();
        }

        output.WriteLine();
        WriteProvenance(output);
        output.WriteLine("## Limits");
        output.WriteLine();
        output.WriteLine("- English only. Trained on the instruments listed above (treaties, human-rights conventions and national cybercrime,");
        output.WriteLine("  online-content and surveillance laws); scores for other kinds of text are not meaningful.");
        output.WriteLine("- A score reads the provision's own words (with the lead-in of its list). It does not see definitions or general");
        output.WriteLine("  safeguard clauses elsewhere in the instrument, which a lawyer would read with it.");
        output.WriteLine("- It is a triage aid: it ranks provisions for a lawyer to read, and explains why; it is not a legal opinion.");
        output.WriteLine("- The training texts are public legal instruments; their origins are listed in `training-data/README.md`.");
    }

    /// <summary>Where the training texts come from and on what terms: the same for every model trained on the corpus.</summary>
    private static void WriteProvenance(TextWriter output)
    {
        output.WriteLine("## Training data: origins and licences");
        output.WriteLine();
        output.WriteLine("The instruments above are official texts of treaties and legislation: Council of Europe and United Nations treaties");
        output.WriteLine("as published in the official treaty database of the Netherlands, the African Union's Malabo Convention (in part), the");
        output.WriteLine("United States Code, and national laws from official gazettes, statute databases and legal information institutes (the");
        output.WriteLine("Qatari law in the official portal's English translation). Most were taken from public repositories that mirror those");
        output.WriteLine("sources; `training-data/instruments/SOURCES.md` names the source, version and editorial changes of each.");
        output.WriteLine();
        output.WriteLine("Under the Berne Convention (Art. 2(4)) each country decides whether official texts of a legislative nature are");
        output.WriteLine("protected by copyright; many exclude them (the US Code is in the public domain, 17 U.S.C. § 105), and the publishers");
        output.WriteLine("make them freely available. The model bundle holds the labelled provisions (their words, labels and rationales) so that");
        output.WriteLine("scores can be explained and the model retrained. The labels, rationales, code and model are the ProvisionRisk");
        output.WriteLine("contributors' work under the MIT licence; before republishing the instruments' texts, check their publishers' terms.");
        output.WriteLine();
    }

    /// <summary>Writes the model card as plain text.</summary>
    /// <param name="model">The model.</param>
    /// <param name="output">The destination.</param>
    public static void WriteText(RiskModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var m = model.Manifest;
        output.WriteLine($"labels:        {string.Join(", ", m.Labels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l} (threshold {m.Thresholds[l]:0.000})")))}");
        output.WriteLine($"pipeline:      {m.Pipeline}");
        output.WriteLine($"kinds:         {(m.Kinds.Count == 0 ? "none" : string.Join(", ", m.Kinds))}");
        output.WriteLine($"training rows: {m.TrainingRows} from {m.Sources.Count} instruments");
        output.WriteLine($"data sha256:   {m.TrainingDataHash}");
        output.WriteLine($"seed:          {m.Seed} ({m.Settings})");
        output.WriteLine($"format:        {m.FormatVersion}");
        output.WriteLine($"created:       {m.CreatedUtc:u}");
        output.WriteLine($"packages:      {string.Join(", ", m.PackageVersions.Select(p => $"{p.Key} {p.Value}"))}");
        if (m.CrossValidation is { } cv)
        {
            output.WriteLine();
            MetricsReportWriter.WriteTable("leave-one-instrument-out metrics:", m.Labels.Select(l => (l, cv[l])).ToList(), output);
            MetricsReportWriter.WriteKindAccuracy(m.CrossValidatedKindAccuracy, output);
        }
    }

    /// <summary>Writes the manifest as JSON.</summary>
    /// <param name="model">The model.</param>
    /// <param name="output">The destination.</param>
    public static void WriteJson(RiskModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(model.Manifest, ManifestJson.Default.ModelManifest));
    }
}
