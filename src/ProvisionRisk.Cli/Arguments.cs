namespace ProvisionRisk.Cli;

/// <summary>Parsed command-line arguments: positional values and <c>--name value</c> options (repeatable) and flags.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="flagNames"/> take no value, <paramref name="valueNames"/> take one.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, IEnumerable<string> valueNames, IEnumerable<string> flagNames)
    {
        var values = new HashSet<string>(valueNames, StringComparer.Ordinal);
        var flagSet = new HashSet<string>(flagNames, StringComparer.Ordinal);
        var result = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "-" || !a.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(a);
                continue;
            }

            var name = a[2..];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && values.Contains(name[..eq]))
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (flagSet.Contains(name))
            {
                result.flags.Add(name);
            }
            else if (values.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option --{name} needs a value"));
                if (!result.options.TryGetValue(name, out var list))
                {
                    result.options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option --{name}");
            }
        }

        return result;
    }

    public bool Flag(string name) => flags.Contains(name);

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var list) ? list : [];

    public string? One(string name)
    {
        var all = All(name);
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => throw new UsageException($"option --{name} given more than once"),
        };
    }

    public int Int(string name, int fallback)
    {
        var s = One(name);
        if (s is null)
        {
            return fallback;
        }

        return int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"option --{name} needs a whole number, not '{s}'");
    }

    public double Number(string name, double fallback)
    {
        var s = One(name);
        if (s is null)
        {
            return fallback;
        }

        return double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"option --{name} needs a number, not '{s}'");
    }

    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        var s = One(name);
        if (s is null)
        {
            return fallback;
        }

        return choices.TryGetValue(s, out var v)
            ? v
            : throw new UsageException($"option --{name} must be one of {string.Join(", ", choices.Keys)}, not '{s}'");
    }
}
