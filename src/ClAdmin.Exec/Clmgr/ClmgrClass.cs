using ClAdmin.Cluster;

namespace ClAdmin.Exec.Clmgr;

/// <summary>One clmgr object class over the configuration: its names, attributes, how its objects print
/// (ATTR="value", in order) and how add/modify/delete change the configuration (pure).</summary>
public abstract class ClmgrClass(string name, params string[] aliases)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    /// <summary>The attributes add and modify accept.</summary>
    public abstract IReadOnlyList<string> Settable { get; }

    /// <summary>Whether add needs an object name.</summary>
    public virtual bool NeedsName => true;

    /// <summary>The attribute names <c>clmgr -c query</c> prints as its header when there is no object
    /// (none: it prints nothing).</summary>
    public virtual IReadOnlyList<string> EmptyHeader => [];

    /// <summary>Every object: its name and its attributes as clmgr query prints them.</summary>
    public abstract IEnumerable<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> Query(ClusterConfiguration c);

    public abstract ClusterConfiguration Add(ClusterConfiguration c, string? name, ClmgrAttributes a);

    public abstract ClusterConfiguration Modify(ClusterConfiguration c, string? name, ClmgrAttributes a);

    public abstract ClusterConfiguration Delete(ClusterConfiguration c, string? name, ClmgrAttributes a);
}

/// <summary>A class whose objects are records in one list of the configuration, keyed by name.</summary>
public sealed class EntityClass<T>(
    string name,
    string[] aliases,
    string[] settable,
    Func<ClusterConfiguration, IReadOnlyList<T>> get,
    Func<ClusterConfiguration, IReadOnlyList<T>, ClusterConfiguration> set,
    Func<T, string> key,
    Func<T, IReadOnlyList<(string, string)>> describe,
    Func<string, ClmgrAttributes, ClusterConfiguration, T> build) : ClmgrClass(name, aliases)
{
    public override IReadOnlyList<string> Settable => settable;

    public override IEnumerable<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> Query(ClusterConfiguration c) =>
        get(c).Select(x => (key(x), describe(x)));

    public override ClusterConfiguration Add(ClusterConfiguration c, string? objectName, ClmgrAttributes a)
    {
        var n = Require(objectName);
        a.Only(Name, Settable);
        if (get(c).Any(x => key(x) == n))
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(n)}\" already exists as a {Name}.");
        }
        return set(c, [.. get(c), build(n, a, c)]);
    }

    public override ClusterConfiguration Modify(ClusterConfiguration c, string? objectName, ClmgrAttributes a)
    {
        var n = Require(objectName);
        a.Only(Name, [.. Settable, "NAME"]);
        var list = get(c);
        var existing = list.FirstOrDefault(x => key(x) == n) ?? throw NotFound(n);
        var merged = describe(existing).Where(p => p.Item1 != "NAME").ToDictionary(p => p.Item1, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        foreach (var k in a.Names.Where(k => !k.Equals("NAME", StringComparison.OrdinalIgnoreCase)))
        {
            merged[k] = a[k]!;
        }
        var newName = a["NAME"] is { Length: > 0 } nn ? nn : n;
        if (newName != n && list.Any(x => key(x) == newName))
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(newName)}\" already exists as a {Name}.");
        }
        var updated = build(newName, new ClmgrAttributes(merged), c);
        return set(c, [.. list.Select(x => key(x) == n ? updated : x)]);
    }

    public override ClusterConfiguration Delete(ClusterConfiguration c, string? objectName, ClmgrAttributes a)
    {
        var n = Require(objectName);
        var list = get(c);
        if (n.Equals("ALL", StringComparison.OrdinalIgnoreCase))
        {
            return set(c, []);
        }
        var names = ClmgrAttributes.Split(n);
        foreach (var missing in names.Where(m => list.All(x => key(x) != m)))
        {
            throw NotFound(missing);
        }
        return set(c, [.. list.Where(x => !names.Contains(key(x)))]);
    }

    private string Require(string? objectName) =>
        objectName is { Length: > 0 } n ? n : throw new ClmgrException(ClmgrRc.MissingInput, $"a name is required for the \"{Name}\" class.");

    public static ClmgrException NotFound(string n) => new(ClmgrRc.NotFound, $"\"{QuotedText.Escape(n)}\" does not appear to exist!");
}
