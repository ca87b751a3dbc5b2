using System.Globalization;

namespace O2o.Bench;

/// <summary>A wrong command line: printed with the usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The command line, parsed by hand: <c>verb --name value --flag --list a b c --other=value</c>.
/// Every value after an option up to the next <c>--option</c> belongs to it; lists may also be comma separated.
/// </summary>
internal sealed class Args
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private Args(string verb) => Verb = verb;

    public string Verb { get; }

    public static Args Parse(string[] argv)
    {
        if (argv.Length == 0) throw new UsageException("Name a verb: checkout, flashsale or report.");
        var first = argv[0];
        var args = new Args(first.StartsWith("--", StringComparison.Ordinal) ? "" : first.ToLowerInvariant());
        string? current = null;
        for (var i = args.Verb.Length == 0 ? 0 : 1; i < argv.Length; i++)
        {
            var token = argv[i];
            if (token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2)
            {
                var name = token[2..];
                string? inline = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) (name, inline) = (name[..eq], name[(eq + 1)..]);
                name = name.ToLowerInvariant();
                if (!args._options.TryGetValue(name, out var values)) args._options[name] = values = [];
                if (inline is not null) values.Add(inline);
                current = name;
            }
            else if (current is null)
            {
                throw new UsageException($"Unexpected argument '{token}': options start with --.");
            }
            else
            {
                args._options[current].Add(token);
            }
        }
        return args;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Fails on any option the verb does not know, so a typo never silently runs with a default.</summary>
    public void EnsureOnly(params string[] known)
    {
        var unknown = _options.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"Unknown option(s) for '{Verb}': {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }

    public bool Flag(string name)
    {
        if (!_options.TryGetValue(name, out var values)) return false;
        if (values.Count == 0) return true;
        return values[^1].ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            var other => throw new UsageException($"--{name} is a flag (true/false), not '{other}'."),
        };
    }

    public string? Get(string name)
    {
        if (!_options.TryGetValue(name, out var values)) return null;
        if (values.Count == 0) throw new UsageException($"--{name} needs a value.");
        if (values.Count > 1) throw new UsageException($"--{name} takes one value, got {values.Count}: {string.Join(" ", values)}.");
        return values[0];
    }

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public IReadOnlyList<string> GetList(string name)
    {
        if (!_options.TryGetValue(name, out var values)) return [];
        var list = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (list.Count == 0) throw new UsageException($"--{name} needs at least one value.");
        return list;
    }

    public int GetInt(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Get(name);
        if (text is null) return fallback;
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new UsageException($"--{name} must be a whole number, not '{text}'.");
        if (value < min || value > max) throw new UsageException($"--{name} must be from {min} to {max}, not {value}.");
        return value;
    }

    public int? GetIntOrNull(string name, int min = int.MinValue, int max = int.MaxValue) =>
        Has(name) ? GetInt(name, 0, min, max) : null;

    public double GetSeconds(string name, double fallback, double min = 0, double max = 86_400)
    {
        var text = Get(name);
        if (text is null) return fallback;
        var trimmed = text.EndsWith('s') ? text[..^1] : text;
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw new UsageException($"--{name} must be a number of seconds, not '{text}'.");
        if (value < min || value > max) throw new UsageException($"--{name} must be from {min} to {max} seconds, not {value}.");
        return value;
    }
}
