using System.Globalization;
using ClAdmin.Cluster;

namespace ClAdmin.Exec.Clmgr;

/// <summary>clmgr's return codes (RC_* in the clmgr documentation).</summary>
public static class ClmgrRc
{
    public const int Success = 0;
    public const int Error = 1;
    public const int NotFound = 2;
    public const int MissingInput = 3;
    public const int IncorrectInput = 4;
    public const int MissingDependency = 5;
}

/// <summary>A clmgr failure: its return code and the message clmgr prints after "ERROR: ".</summary>
public sealed class ClmgrException(int rc, string message) : Exception(message)
{
    public int ReturnCode { get; } = rc;
}

/// <summary>The ATTR=value pairs of one clmgr call; names are case-insensitive.</summary>
public sealed class ClmgrAttributes
{
    private readonly Dictionary<string, string> _values;

    public ClmgrAttributes(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);

    public bool Has(string name) => _values.ContainsKey(name);

    public IEnumerable<string> Names => _values.Keys;

    public string? this[string name] => _values.TryGetValue(name, out var v) ? v : null;

    public string Get(string name, string fallback) => this[name] ?? fallback;

    public int Int(string name, int fallback)
    {
        if (this[name] is not { } text || text.Length == 0)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(text)}\" is not a valid value for \"{name.ToUpperInvariant()}\". It must be a number.");
    }

    public bool Bool(string name, bool fallback) => this[name]?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" => false,
        _ => throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(this[name]!)}\" is not a valid value for \"{name.ToUpperInvariant()}\". Valid values are: yes, no"),
    };

    /// <summary>A list: "a,b", "a b" or both.</summary>
    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback) =>
        this[name] is { } v ? Split(v) : fallback;

    public string Choice(string name, string fallback, params string[] valid)
    {
        var v = this[name];
        if (v is null || v.Length == 0)
        {
            return fallback;
        }
        return valid.FirstOrDefault(x => x.Equals(v, StringComparison.OrdinalIgnoreCase))
            ?? throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(v)}\" is not a valid value for \"{name.ToUpperInvariant()}\". Valid values are: {string.Join(", ", valid)}");
    }

    public static IReadOnlyList<string> Split(string value) => value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Fails on any attribute outside <paramref name="allowed"/>.</summary>
    public void Only(string className, IEnumerable<string> allowed)
    {
        var set = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
        var bad = _values.Keys.Where(k => !set.Contains(k)).ToList();
        if (bad.Count > 0)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput,
                $"invalid attribute(s) for class \"{className}\": {string.Join(", ", bad.Select(b => b.ToUpperInvariant()))}. Valid attributes are: {string.Join(", ", set.Order(StringComparer.Ordinal))}");
        }
    }
}
