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
