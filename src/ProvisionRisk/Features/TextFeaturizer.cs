using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Data;

namespace ProvisionRisk.Features;

/// <summary>
/// Turns provision texts into features: character n-grams (4-grams by default) and word 1–2-grams, weighted
/// (1 + ln count) × inverse document frequency (or by count, as the settings say), each block L2-normalised, followed
/// by the legal cues the featurizer includes. Text is lower-cased, stripped of punctuation and
/// diacritics and split on white space; no stop-word list is applied, which would delete "not", "any", "may",
/// "without". Models trained before <see cref="FeaturizerSettings.MaskDirectionalCues"/> existed blank out the words of
/// directional cues first (they reached the model only through the sign-constrained output layer); new models keep
/// them. Fitting only builds the n-gram dictionaries (every n-gram of the training texts, in
/// order of first appearance) and their document frequencies; it never sees labels. Immutable once built, so safe to share across threads; a text is
/// featurized without any shared buffer.
/// </summary>
internal sealed partial class TextFeaturizer
{
    /// <summary>The prefix of the slot names of word n-grams (the words of a bigram are joined by '|').</summary>
    public const string WordSlotPrefix = "TextFeatures.Word.";

    /// <summary>The prefix of the slot names of character n-grams.</summary>
    public const string CharSlotPrefix = "TextFeatures.Char.";

    private const char MaskCharacter = '\u0001';
    private const char TextStart = '\u0002';
    private const char TextEnd = '\u0003';
    private const int FormatMagic = 0x54465250; // "PRFT"
    private const int FormatVersion = 3;

    private readonly string[] charGrams;
    private readonly string[] wordGrams;
    private readonly float[]? idf;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? charLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly Dictionary<ulong, int>? packedChars;
    private readonly int[] cueIndices;
    private readonly int[] maskedCues;
    private readonly Lazy<string[]> slotNames;

    private TextFeaturizer(FeaturizerSettings settings, string[] charGrams, string[] wordGrams, float[]? idf, IReadOnlyList<string> featureCues,
        bool packCharGrams = true)
    {
        settings.Validate();
        if (idf is not null && idf.Length != charGrams.Length + wordGrams.Length)
        {
            throw new InvalidDataException($"the featurizer has {idf.Length} inverse document frequencies for {charGrams.Length + wordGrams.Length} n-grams");
        }

        if (settings.Idf != idf is not null)
        {
            throw new InvalidDataException("the featurizer's settings and its inverse document frequencies disagree");
        }

        Settings = settings;
        this.charGrams = charGrams;
        this.wordGrams = wordGrams;
        this.idf = idf;
        packedChars = packCharGrams ? Packed(charGrams, settings) : null;
        charLookup = packedChars is null ? Index(charGrams, "character").GetAlternateLookup<ReadOnlySpan<char>>() : null;
        wordLookup = Index(wordGrams, "word").GetAlternateLookup<ReadOnlySpan<char>>();
        FeatureCues = featureCues;
        cueIndices = featureCues.Select(LegalCues.IndexOf).ToArray();
        if (cueIndices.Any(i => i < 0))
        {
            throw new InvalidDataException("the model names a legal cue this version does not know");
        }

        maskedCues = settings.MaskDirectionalCues ? Masked(cueIndices) : [];
        FeatureCount = charGrams.Length + wordGrams.Length + cueIndices.Length;
        slotNames = new Lazy<string[]>(BuildSlotNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the n-gram lengths and weighting.</summary>
    public FeaturizerSettings Settings { get; }

    /// <summary>Gets the names of the cues included in the feature vector, in slot order after the n-grams.</summary>
    public IReadOnlyList<string> FeatureCues { get; }

    /// <summary>Gets the positions in <see cref="LegalCues.All"/> of <see cref="FeatureCues"/>.</summary>
    public IReadOnlyList<int> CueIndices => cueIndices;

    /// <summary>Gets the number of feature slots: character n-grams, word n-grams, then cues.</summary>
    public int FeatureCount { get; }

    /// <summary>Gets the name of every feature slot (n-gram or cue), in slot order.</summary>
    public IReadOnlyList<string> SlotNames => slotNames.Value;

    /// <summary>Builds the n-gram dictionaries from <paramref name="texts"/>.</summary>
    public static TextFeaturizer Fit(IEnumerable<string> texts, IReadOnlyList<string> featureCues, FeaturizerSettings? settings = null)
    {
        settings ??= FeaturizerSettings.Default;
        settings.Validate();
        var masked = settings.MaskDirectionalCues ? Masked(featureCues.Select(LegalCues.IndexOf).ToArray()) : [];
        var chars = new VocabularyBuilder();
        var words = new VocabularyBuilder();
        var n = 0;
        foreach (var text in texts)
        {
            var normalized = Normalize(Visible(text, masked, out _));
            var current = n++;
            ForEachCharGram(normalized, settings.CharMin, settings.CharMax, gram => chars.Count(gram, current));
            ForEachWordGram(normalized, gram => words.Count(gram, current));
        }

        // Smoothed inverse document frequency, as if one more text held every n-gram.
        var idf = settings.Idf
            ? chars.DocumentFrequencies.Concat(words.DocumentFrequencies).Select(df => (float)(Math.Log((n + 1.0) / (df + 1.0)) + 1)).ToArray()
            : null;
        return new TextFeaturizer(settings, chars.Grams(), words.Grams(), idf, featureCues);
    }

    /// <summary>Reads dictionaries written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The content is not a featurizer of this format.</exception>
    public static TextFeaturizer Load(Stream stream, IReadOnlyList<string> featureCues)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var version = r.ReadInt32() == FormatMagic ? r.ReadInt32() : -1;
            if (version is not (1 or 2 or FormatVersion))
            {
                throw new InvalidDataException("not a ProvisionRisk featurizer of a known version");
            }

            // Version 1 had fixed settings (character 4-grams, term counts); versions 1 and 2 masked directional cues.
            var settings = version == 1
                ? new FeaturizerSettings(4, 4, Idf: false, MaskDirectionalCues: true)
                : new FeaturizerSettings(r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), version == 2 || r.ReadBoolean());
            var charGrams = ReadStrings(r);
            var wordGrams = ReadStrings(r);
            var idf = settings.Idf ? Training.BinaryFloats.Read(r, charGrams.Length + wordGrams.Length) : null;
            return new TextFeaturizer(settings, charGrams, wordGrams, idf, featureCues);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the featurizer is truncated", e);
        }
    }

    /// <summary>Gets a value indicating whether character n-grams are looked up by their packed characters.</summary>
    internal bool PacksCharGrams => packedChars is not null;

    /// <summary>The same featurizer looking character n-grams up by string (to check the packed lookup against).</summary>
    internal TextFeaturizer WithStringLookup() => new(Settings, charGrams, wordGrams, idf, FeatureCues, packCharGrams: false);

    /// <summary>The slots of the n-grams that hold a word of a directional cue (a cue that is not a feature of its own)
    /// in any of <paramref name="texts"/>: the slots a text has (<paramref name="featurized"/>, this featurizer's rows of
    /// the same texts) that it loses when those words are blanked out. Empty when every cue is a feature.</summary>
    internal HashSet<int> DirectionalCueWordSlots(IReadOnlyList<string> texts, IReadOnlyList<FeaturizedRow> featurized)
    {
        var slots = new HashSet<int>();
        var masking = new TextFeaturizer(Settings with { MaskDirectionalCues = true }, charGrams, wordGrams, idf, FeatureCues);
        if (masking.maskedCues.Length == 0)
        {
            return slots;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var kept = masking.Transform(texts[i]).Features.GetIndices().ToArray().ToHashSet();
            slots.UnionWith(featurized[i].Features.GetIndices().ToArray().Where(slot => !kept.Contains(slot)));
        }

        return slots;
    }

    /// <summary>Writes the dictionaries.</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(FormatMagic);
        w.Write(FormatVersion);
        w.Write(Settings.CharMin);
        w.Write(Settings.CharMax);
        w.Write(Settings.Idf);
        w.Write(Settings.MaskDirectionalCues);
        WriteStrings(w, charGrams);
        WriteStrings(w, wordGrams);
        if (idf is not null)
        {
            Training.BinaryFloats.Write(w, idf);
        }
    }

    /// <summary>Featurizes a batch of texts.</summary>
    public List<FeaturizedRow> Transform(IReadOnlyList<string> texts)
    {
        var result = new List<FeaturizedRow>(texts.Count);
        foreach (var text in texts)
        {
            result.Add(Transform(text));
        }

        return result;
    }

    /// <summary>Featurizes one text.</summary>
    public FeaturizedRow Transform(string text)
    {
        var normalized = Normalize(Visible(text, maskedCues, out var allCues));
        var framedLength = normalized.Length + 2;
        var capacity = (framedLength * (Settings.CharMax - Settings.CharMin + 1)) + (2 * normalized.Length) + 1;
        var rented = ArrayPool<int>.Shared.Rent(capacity);
        try
        {
            var slots = rented.AsSpan();
            var count = CharSlots(normalized, slots);
            count += WordSlots(normalized, slots[count..]);
            return Row(slots[..count], allCues);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the slot of every known character n-gram of a normalized text; returns how many.</summary>
    private int CharSlots(string normalized, Span<int> slots)
    {
        if (normalized.Length == 0)
        {
            return 0;
        }

        var count = 0;
        if (packedChars is not null)
        {
            // Each n-gram of at most four characters packed into 64 bits, rolled along the framed text.
            for (var n = Settings.CharMin; n <= Settings.CharMax; n++)
            {
                var mask = n == 4 ? ulong.MaxValue : (1UL << (16 * n)) - 1;
                var key = 0UL;
                var length = normalized.Length + 2;
                for (var i = 0; i < length; i++)
                {
                    var c = i == 0 ? TextStart : i == length - 1 ? TextEnd : normalized[i - 1];
                    key = ((key << 16) | c) & mask;
                    if (i >= n - 1 && packedChars.TryGetValue(key, out var id))
                    {
                        slots[count++] = id;
                    }
                }
            }

            return count;
        }

        var framed = string.Concat(TextStart.ToString(), normalized, TextEnd.ToString()).AsSpan();
        for (var n = Settings.CharMin; n <= Settings.CharMax; n++)
        {
            for (var i = 0; i + n <= framed.Length; i++)
            {
                if (charLookup!.Value.TryGetValue(framed.Slice(i, n), out var id))
                {
                    slots[count++] = id;
                }
            }
        }

        return count;
    }

    /// <summary>Writes the slot of every known word and word pair of a normalized text; returns how many.</summary>
    private int WordSlots(string normalized, Span<int> slots)
    {
        var text = normalized.AsSpan();
        var offset = charGrams.Length;
        var count = 0;
        var previousStart = -1;
        var start = 0;
        while (start < text.Length)
        {
            var end = text[start..].IndexOf(' ');
            end = end < 0 ? text.Length : start + end;
            if (wordLookup.TryGetValue(text[start..end], out var id))
            {
                slots[count++] = offset + id;
            }

            if (previousStart >= 0 && wordLookup.TryGetValue(text[previousStart..end], out id))
            {
                slots[count++] = offset + id;
            }

            previousStart = start;
            start = end + 1;
        }

        return count;
    }

    /// <summary>The feature row from the n-gram slots found (in any order, repeated as often as they occur).</summary>
    private FeaturizedRow Row(Span<int> slots, float[] allCues)
    {
        slots.Sort();
        var distinct = 0;
        for (var k = 0; k < slots.Length; k++)
        {
            if (k == 0 || slots[k] != slots[k - 1])
            {
                distinct++;
            }
        }

        var cueCount = 0;
        foreach (var c in cueIndices)
        {
            if (allCues[c] != 0)
            {
                cueCount++;
            }
        }

        var indices = new int[distinct + cueCount];
        var values = new float[distinct + cueCount];
        var n = 0;
        var split = -1;
        for (var k = 0; k < slots.Length;)
        {
            var end = k + 1;
            while (end < slots.Length && slots[end] == slots[k])
            {
                end++;
            }

            if (split < 0 && slots[k] >= charGrams.Length)
            {
                split = n;
            }

            indices[n] = slots[k];
            values[n] = Weight(slots[k], end - k);
            n++;
            k = end;
        }

        // Each block (characters, then words) is scaled to unit length on its own.
        split = split < 0 ? n : split;
        Normalise(values.AsSpan(0, split));
        Normalise(values.AsSpan(split, n - split));

        var ngramSlots = charGrams.Length + wordGrams.Length;
        for (var c = 0; c < cueIndices.Length; c++)
        {
            var v = allCues[cueIndices[c]];
            if (v != 0)
            {
                indices[n] = ngramSlots + c;
                values[n] = v;
                n++;
            }
        }

        return new FeaturizedRow(new VBuffer<float>(FeatureCount, n, values, indices), allCues);
    }

    /// <summary>The text as the n-gram extractors read it: lower case, no punctuation, control characters or
    /// diacritics, single spaces between words.</summary>
    internal static string Normalize(string text)
    {
        var source = text;
        if (!Ascii.IsValid(text))
        {
            source = text.Normalize(NormalizationForm.FormD);
        }

        var buffer = ArrayPool<char>.Shared.Rent(source.Length);
        try
        {
            var n = 0;
            var space = true;
            foreach (var ch in source)
            {
                if (char.IsWhiteSpace(ch) || ch == MaskCharacter)
                {
                    if (!space)
                    {
                        buffer[n++] = ' ';
                        space = true;
                    }

                    continue;
                }

                if (char.IsPunctuation(ch) || char.IsControl(ch) || (ch > 0x7f && CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.EnclosingMark or UnicodeCategory.Format))
                {
                    continue;
                }

                buffer[n++] = char.ToLowerInvariant(ch);
                space = false;
            }

            if (n > 0 && buffer[n - 1] == ' ')
            {
                n--;
            }

            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Calls <paramref name="action"/> with every character n-gram of a normalized text, the text framed
    /// by start and end markers.</summary>
    private static void ForEachCharGram(string normalized, int min, int max, SpanAction action)
    {
        if (normalized.Length == 0)
        {
            return;
        }

        var length = normalized.Length + 2;
        Span<char> framed = length <= 512 ? stackalloc char[length] : new char[length];
        framed[0] = TextStart;
        normalized.CopyTo(framed[1..]);
        framed[^1] = TextEnd;
        for (var n = min; n <= max; n++)
        {
            for (var i = 0; i + n <= framed.Length; i++)
            {
                action(framed.Slice(i, n));
            }
        }
    }

    /// <summary>Calls <paramref name="action"/> with every word and every pair of adjacent words ("a b").</summary>
    private static void ForEachWordGram(string normalized, SpanAction action)
    {
        var text = normalized.AsSpan();
        var previousStart = -1;
        var start = 0;
        while (start < text.Length)
        {
            var end = text[start..].IndexOf(' ');
            end = end < 0 ? text.Length : start + end;
            action(text[start..end]);
            if (previousStart >= 0)
            {
                action(text[previousStart..end]);
            }

            previousStart = start;
            start = end + 1;
        }
    }

    /// <summary>The cues whose words are hidden from the n-grams: every cue that is not a feature of its own.</summary>
    private static int[] Masked(int[] featureCueIndices) =>
        Enumerable.Range(0, LegalCues.All.Count).Where(i => !featureCueIndices.Contains(i)).ToArray();

    private delegate void SpanAction(ReadOnlySpan<char> gram);

    /// <summary>The n-grams met while fitting, in order of first appearance, with the number of texts holding each.</summary>
    private sealed class VocabularyBuilder
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private readonly List<string> grams = [];
        private readonly List<int> documentFrequencies = [];
        private readonly List<int> lastText = [];

        public VocabularyBuilder() => lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public IEnumerable<int> DocumentFrequencies => documentFrequencies;

        /// <summary>Counts one occurrence of <paramref name="gram"/> in text number <paramref name="text"/> (texts in order).</summary>
        public void Count(ReadOnlySpan<char> gram, int text)
        {
            if (!lookup.TryGetValue(gram, out var id))
            {
                id = grams.Count;
                lookup[gram] = id;
                grams.Add(gram.ToString());
                documentFrequencies.Add(0);
                lastText.Add(-1);
            }

            if (lastText[id] != text)
            {
                lastText[id] = text;
                documentFrequencies[id]++;
            }
        }

        public string[] Grams() => [.. grams];
    }

    /// <summary>The featurizer's input text: the words of the masked (directional) cues blanked out together with the
    /// "and"/"or" that joined them, so that "who intentionally and without right copies" reads as "who copies" and
    /// the n-grams do not change when such a cue is added or removed. Also returns the full cue vector.</summary>
    private static string Visible(string text, int[] masked, out float[] allCues)
    {
        allCues = new float[LegalCues.All.Count];
        char[]? chars = null;
        for (var c = 0; c < LegalCues.All.Count; c++)
        {
            var mask = Array.IndexOf(masked, c) >= 0;
            var count = 0;
            foreach (var match in LegalCues.All[c].Pattern.EnumerateMatches(text))
            {
                count++;
                if (mask)
                {
                    chars ??= text.ToCharArray();
                    Array.Fill(chars, MaskCharacter, match.Index, match.Length);
                }
            }

            allCues[c] = MathF.Log(1 + count);
        }

        return chars is null ? text : MaskedRun().Replace(new string(chars), " ");
    }

    [GeneratedRegex(@"(?:\b(?:and|or|nor)\s+)?\u0001+(?:[\s,]*(?:\b(?:and|or|nor)\b)?[\s,]*\u0001+)*(?:[\s,]*\b(?:and|or)\b(?=\s))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaskedRun();

    /// <summary>An n-gram's weight before normalisation: its count, or with IDF weighting (1 + ln count) × IDF.</summary>
    private float Weight(int slot, int count) => idf is null ? count : (float)((1 + Math.Log(count)) * idf[slot]);

    private static void Normalise(Span<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += (double)v * v;
        }

        if (sum > 0)
        {
            var scale = 1 / Math.Sqrt(sum);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(values[i] * scale);
            }
        }
    }

    /// <summary>The character n-grams keyed by their characters packed into 64 bits, when every n-gram has at most four
    /// characters and none is NUL (so that packing is one-to-one); otherwise null.</summary>
    private static Dictionary<ulong, int>? Packed(string[] grams, FeaturizerSettings settings)
    {
        if (settings.CharMax > 4 || grams.Any(g => g.Length > 4 || g.Contains('\0', StringComparison.Ordinal)))
        {
            return null;
        }

        var result = new Dictionary<ulong, int>(grams.Length);
        for (var i = 0; i < grams.Length; i++)
        {
            var key = 0UL;
            foreach (var c in grams[i])
            {
                key = (key << 16) | c;
            }

            if (!result.TryAdd(key, i))
            {
                throw new InvalidDataException($"the character n-gram '{grams[i]}' appears twice in the featurizer");
            }
        }

        return result;
    }

    private static Dictionary<string, int> Index(string[] grams, string what)
    {
        var index = new Dictionary<string, int>(grams.Length, StringComparer.Ordinal);
        for (var i = 0; i < grams.Length; i++)
        {
            if (!index.TryAdd(grams[i], i))
            {
                throw new InvalidDataException($"the {what} n-gram '{grams[i]}' appears twice in the featurizer");
            }
        }

        return index;
    }

    private string[] BuildSlotNames()
    {
        var names = new string[FeatureCount];
        for (var i = 0; i < charGrams.Length; i++)
        {
            names[i] = CharSlotPrefix + string.Join('|', charGrams[i].Select(c => c switch
            {
                TextStart => "<STX>",
                TextEnd => "<ETX>",
                ' ' => "<SP>",
                _ => c.ToString(),
            }));
        }

        for (var i = 0; i < wordGrams.Length; i++)
        {
            names[charGrams.Length + i] = WordSlotPrefix + wordGrams[i].Replace(' ', '|');
        }

        for (var c = 0; c < FeatureCues.Count; c++)
        {
            names[charGrams.Length + wordGrams.Length + c] = FeatureCues[c];
        }

        return names;
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > 50_000_000)
        {
            throw new InvalidDataException($"the featurizer declares {count} n-grams");
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = r.ReadString();
        }

        return result;
    }

    private static void WriteStrings(BinaryWriter w, string[] strings)
    {
        w.Write(strings.Length);
        foreach (var s in strings)
        {
            w.Write(s);
        }
    }
}
