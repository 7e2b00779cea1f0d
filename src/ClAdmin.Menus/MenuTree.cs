using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>
/// The loaded screen tree: every menu, selector, dialog and alias, and the fast path index.
/// Built only by <see cref="MenuLoader"/>, which has checked that every reference resolves.
/// </summary>
public sealed class MenuTree
{
    private readonly Dictionary<string, ScreenRef> _fastpaths;

    internal MenuTree(
        IReadOnlyDictionary<string, Menu> menus,
        IReadOnlyDictionary<string, Selector> selectors,
        IReadOnlyDictionary<string, Dialog> dialogs,
        IReadOnlyDictionary<string, Alias> aliases)
    {
        Menus = menus;
        Selectors = selectors;
        Dialogs = dialogs;
        Aliases = aliases;
        _fastpaths = new Dictionary<string, ScreenRef>(StringComparer.Ordinal);
        // SMIT's lookup order: alias, menu, selector, dialog. Ids are unique, so order only
        // matters for the kind-restricted lookups (-m, -n, -d).
        foreach (var a in aliases.Values)
        {
            _fastpaths[a.Name] = new ScreenRef(a.NextType, a.Next);
        }
        foreach (var m in menus.Values)
        {
            _fastpaths[m.Id] = new ScreenRef(NextType.Menu, m.Id);
        }
        foreach (var s in selectors.Values.Where(s => !s.HasNameSelect))
        {
            _fastpaths[s.Id] = new ScreenRef(NextType.Selector, s.Id);
        }
        foreach (var d in dialogs.Values.Where(d => !d.HasNameSelect))
        {
            _fastpaths[d.Id] = new ScreenRef(NextType.Dialog, d.Id);
        }
    }

    public IReadOnlyDictionary<string, Menu> Menus { get; }
    public IReadOnlyDictionary<string, Selector> Selectors { get; }
    public IReadOnlyDictionary<string, Dialog> Dialogs { get; }
    public IReadOnlyDictionary<string, Alias> Aliases { get; }

    /// <summary>Every fast path name, sorted.</summary>
    public IEnumerable<string> Fastpaths => _fastpaths.Keys.Order(StringComparer.Ordinal);

    /// <summary>The screen a fast path opens, or null when no screen has that name.</summary>
    public ScreenRef? Resolve(string fastpath) =>
        _fastpaths.TryGetValue(fastpath, out var r) ? r : null;

    /// <summary>Whether a screen with this kind and id exists (fast path or not).</summary>
    public bool Contains(ScreenRef screen) => screen.Kind switch
    {
        NextType.Menu => Menus.ContainsKey(screen.Id),
        NextType.Selector => Selectors.ContainsKey(screen.Id),
        NextType.Dialog => Dialogs.ContainsKey(screen.Id),
        _ => false,
    };

    /// <summary>
    /// The tree as it is shown when commands run over <paramref name="transport"/> (sim, ssh,
    /// local): menus and dialogs marked for another transport are left out, with the menu items
    /// and aliases that lead to them, so neither a menu nor a fast path reaches them.
    /// </summary>
    public MenuTree ForTransport(string transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        bool Kept(string only) => only.Length == 0 || string.Equals(only, transport, StringComparison.Ordinal);
        if (Menus.Values.All(m => Kept(m.Transport)) && Dialogs.Values.All(d => Kept(d.Transport)))
        {
            return this;
        }
        var dialogs = Dialogs.Values.Where(d => Kept(d.Transport)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var menuIds = Menus.Values.Where(m => Kept(m.Transport)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        bool Leads(NextType kind, string next) => kind switch
        {
            NextType.Menu => menuIds.Contains(next),
            NextType.Dialog => dialogs.ContainsKey(next),
            _ => true,
        };
        var menus = Menus.Values.Where(m => menuIds.Contains(m.Id))
            .Select(m => m with { Items = [.. m.Items.Where(i => Leads(i.NextType, i.Next))] })
            .ToDictionary(m => m.Id, StringComparer.Ordinal);
        var aliases = Aliases.Values.Where(a => Leads(a.NextType, a.Next)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        return new MenuTree(menus, Selectors, dialogs, aliases);
    }

    /// <summary>The title of any screen.</summary>
    public string TitleOf(ScreenRef screen) => screen.Kind switch
    {
        NextType.Menu => Menus[screen.Id].Title,
        NextType.Selector => Selectors[screen.Id].Title,
        NextType.Dialog => Dialogs[screen.Id].Title,
        _ => "",
    };

    /// <summary>
    /// The screens a selector can lead to: its next id for just-next selectors, every screen
    /// of the next type whose id starts with the stem for raw and cooked ones.
    /// </summary>
    public IEnumerable<ScreenRef> TargetsOf(Selector selector)
    {
        if (selector.Type == SelectorType.JustNext)
        {
            return [new ScreenRef(selector.NextType, selector.Next)];
        }
        IEnumerable<string> ids = selector.NextType == NextType.Dialog ? Dialogs.Keys : Selectors.Keys;
        return ids.Where(id => id.StartsWith(selector.Next, StringComparison.Ordinal) && id.Length > selector.Next.Length)
            .Order(StringComparer.Ordinal)
            .Select(id => new ScreenRef(selector.NextType, id));
    }
}
