using ClAdmin.Menus.Model;
using ClAdmin.Shell;

namespace ClAdmin.Menus;

/// <summary>The checks of meaning across all menu files, and the building of the tree.</summary>
internal sealed class TreeChecks(IReadOnlyList<MenuFile> files, List<MenuError> errors, Func<string, bool>? isKnownCommand, bool trusted = false)
{
    private static readonly System.Text.RegularExpressions.Regex IdPattern = new(@"^[A-Za-z0-9_.-]{1,64}\z");
    private static readonly System.Text.RegularExpressions.Regex SequencePattern = new(@"^[0-9]{1,16}\z");
    private static readonly System.Text.RegularExpressions.Regex FieldIdPattern = new(@"^[A-Za-z][A-Za-z0-9_]{0,63}\z");
    private readonly Dictionary<string, (NextType Kind, string File, string Pointer)> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);

    /// <summary>Checks the files and builds the tree. Trusted files (byte-identical to files that
    /// passed every check, see <see cref="MenuLoader.Load"/>) are only built.</summary>
    public MenuTree? Run()
    {
        if (!trusted)
        {
            foreach (var file in files)
            {
                CheckFile(file);
            }
            RegisterIds();
        }
        var parents = ParentItems();
        var menus = BuildMenus(parents);
        if (!trusted)
        {
            CheckReferences();
        }
        var selectors = files.SelectMany(f => f.Selectors).GroupBy(s => s.Value.Id).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var dialogs = files.SelectMany(f => f.Dialogs).GroupBy(d => d.Value.Id).ToDictionary(g => g.Key, g => g.First().Value with { Fields = [.. g.First().Value.Fields.OrderBy(x => x.Sequence, StringComparer.Ordinal)] }, StringComparer.Ordinal);
        var aliases = files.SelectMany(f => f.Aliases).GroupBy(a => a.Value.Name).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return null;
        }
        var tree = new MenuTree(menus, selectors, dialogs, aliases);
        if (!trusted)
        {
            CheckReachable(tree);
        }
        return errors.Count > 0 ? null : tree;
    }

    private void Error(MenuFile file, string pointer, string message) =>
        errors.Add(new MenuError(file.Name, pointer, MenuLoader.Line(file.Lines, pointer), message));

    private void CheckFile(MenuFile file)
    {
        CheckNames(file);
        foreach (var (m, _, pointer) in file.Menus)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < m.Items.Count; i++)
            {
                var item = m.Items[i];
                var ip = $"{pointer}/items/{i}";
                if (!seen.TryAdd(item.Sequence, i))
                {
                    Error(file, $"{ip}/sequence", $"menu {m.Id}: sequence \"{item.Sequence}\" is used twice (also by item {seen[item.Sequence]})");
                }
                if (item.NextType == NextType.Info && item.Next.Length > 0)
                {
                    Error(file, $"{ip}/next", $"menu {m.Id}: an info item leads nowhere, so it takes no next id");
                }
                if (item.NextType != NextType.Info && item.Next.Length == 0)
                {
                    Error(file, ip, $"menu {m.Id}: item \"{item.Text}\" needs a next id");
                }
                if (item.NextType != NextType.Info && item.Text.Trim().Length == 0)
                {
                    Error(file, $"{ip}/text", $"menu {m.Id}: an item that leads somewhere needs text");
                }
            }
        }
        foreach (var (pointer, id, count) in file.SelectorFieldCounts)
        {
            if (count != 1)
            {
                Error(file, $"{pointer}/fields", $"selector {id}: a selector has exactly one field, this one has {count}");
            }
        }
        foreach (var (s, _, pointer) in file.Selectors)
        {
            if (s.Field.Sequence != "0")
            {
                Error(file, $"{pointer}/fields/0/sequence", $"selector {s.Id}: the selector's field must have sequence \"0\"");
            }
            CheckField(file, $"{pointer}/fields/0", s.Id, s.Field);
            if (s.Type == SelectorType.Cooked && s.ClassifyCommand.Length == 0)
            {
                Error(file, pointer, $"selector {s.Id}: a cooked selector needs a classifyCommand");
            }
            CheckCommand(file, $"{pointer}/classifyCommand", s.Id, s.ClassifyCommand);
        }
        foreach (var (d, _, pointer) in file.Dialogs)
        {
            var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
            var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < d.Fields.Count; i++)
            {
                var f = d.Fields[i];
                var fp = $"{pointer}/fields/{i}";
                if (f.Sequence == "0")
                {
                    Error(file, $"{fp}/sequence", $"dialog {d.Id}: sequence \"0\" is for selectors; dialog fields start above it");
                }
                if (!sequences.TryAdd(f.Sequence, i))
                {
                    Error(file, $"{fp}/sequence", $"dialog {d.Id}: sequence \"{f.Sequence}\" is used twice (also by field {sequences[f.Sequence]})");
                }
                if (!ids.TryAdd(f.Id, i))
                {
                    Error(file, $"{fp}/id", $"dialog {d.Id}: field id \"{f.Id}\" is used twice (also by field {ids[f.Id]})");
                }
                CheckField(file, fp, d.Id, f);
            }
            if (d.Fields.Count(f => f.Cspoc == CspocOption.Nodes) > 1 || d.Fields.Count(f => f.Cspoc == CspocOption.ResourceGroup) > 1)
            {
                Error(file, $"{pointer}/fields", $"dialog {d.Id}: at most one cspoc \"n\" field and one cspoc \"g\" field");
            }
            CheckCommand(file, $"{pointer}/command", d.Id, d.Command);
            CheckCommand(file, $"{pointer}/discoverCommand", d.Id, d.DiscoverCommand);
            for (var x = 0; x < d.DiscoverAlso.Count; x++)
            {
                CheckCommand(file, $"{pointer}/discoverAlso/{x}/command", d.Id, d.DiscoverAlso[x].Command);
            }
        }
    }

    /// <summary>The schema's patterns end in $, which also matches before a final newline; these do not.</summary>
    private void CheckNames(MenuFile file)
    {
        void Check(System.Text.RegularExpressions.Regex pattern, string value, string pointer, string what)
        {
            if (!pattern.IsMatch(value))
            {
                Error(file, pointer, $"{what} \"{value.ReplaceLineEndings("\\n")}\" does not match the pattern {pattern.ToString().Replace("\\z", "$", StringComparison.Ordinal)}");
            }
        }
        foreach (var (m, _, p) in file.Menus)
        {
            Check(IdPattern, m.Id, $"{p}/id", "id");
            for (var i = 0; i < m.Items.Count; i++)
            {
                Check(SequencePattern, m.Items[i].Sequence, $"{p}/items/{i}/sequence", "sequence");
                if (m.Items[i].Next.Length > 0)
                {
                    Check(IdPattern, m.Items[i].Next, $"{p}/items/{i}/next", "next id");
                }
            }
        }
        foreach (var (a, _, p) in file.Aliases)
        {
            Check(IdPattern, a.Name, $"{p}/alias", "alias");
            Check(IdPattern, a.Next, $"{p}/next", "next id");
        }
        foreach (var (s, _, p) in file.Selectors)
        {
            Check(IdPattern, s.Id, $"{p}/id", "id");
            Check(IdPattern, s.Next, $"{p}/next", "next id");
            Check(FieldIdPattern, s.Field.Id, $"{p}/fields/0/id", "field id");
        }
        foreach (var (d, _, p) in file.Dialogs)
        {
            Check(IdPattern, d.Id, $"{p}/id", "id");
            for (var i = 0; i < d.Fields.Count; i++)
            {
                Check(FieldIdPattern, d.Fields[i].Id, $"{p}/fields/{i}/id", "field id");
                Check(SequencePattern, d.Fields[i].Sequence, $"{p}/fields/{i}/sequence", "sequence");
            }
        }
    }

    private void CheckField(MenuFile file, string pointer, string owner, Field f)
    {
        var where = $"{owner}.{f.Id}";
        if (f.Label.StartsWith("* ", StringComparison.Ordinal))
        {
            Error(file, $"{pointer}/label", $"field {where}: the label carries no '*': the screen draws it for required \"+\"");
        }
        if (f.Op == OpType.Ring && f.Ring is null)
        {
            Error(file, $"{pointer}/op", $"field {where}: op \"ring\" needs a ring");
        }
        if (f.Ring is { } ring)
        {
            if (f.Op != OpType.Ring)
            {
                Error(file, $"{pointer}/ring", $"field {where}: a ring needs op \"ring\"");
            }
            if (ring.Values.Count == 0)
            {
                Error(file, $"{pointer}/ring/values", $"field {where}: a ring needs at least one value");
            }
            if (ring.CommandValues is { } cv && cv.Count != ring.Values.Count)
            {
                Error(file, $"{pointer}/ring/commandValues", $"field {where}: {ring.Values.Count} values but {cv.Count} commandValues; they must pair up");
            }
            if (ring.Values.Count > 0 && ring.DefaultIndex >= ring.Values.Count)
            {
                Error(file, $"{pointer}/ring/defaultIndex", $"field {where}: defaultIndex {ring.DefaultIndex} is out of range (0..{ring.Values.Count - 1})");
            }
        }
        if (f.Op == OpType.List && f.ListCommand.Trim().Length == 0)
        {
            Error(file, $"{pointer}/listCommand", $"field {where}: op \"list\" needs a listCommand");
        }
        if (f.Cspoc != CspocOption.None && f.Prefix.Length > 0)
        {
            Error(file, $"{pointer}/prefix", $"field {where}: a cspoc field makes its own -cspoc option and takes no prefix");
        }
        if (f.Secret && f.Prefix.Length > 0)
        {
            Error(file, $"{pointer}/prefix", $"field {where}: a secret field goes to standard input and takes no prefix");
        }
        if (f.Prefix is "--" or "--'" && f.MultiSelect == MultiSelect.Multiple)
        {
            // SMIT would repeat "--" before every item; for positional values that means nothing.
            Error(file, $"{pointer}/multiSelect", $"field {where}: multiSelect \"m\" repeats the prefix, which a positional field does not have");
        }
        CheckCommand(file, $"{pointer}/listCommand", where, f.ListCommand);
    }

    private void CheckCommand(MenuFile file, string pointer, string owner, string commandLine)
    {
        if (isKnownCommand is null || commandLine.Trim().Length == 0)
        {
            return;
        }
        var name = CommandCatalog.CommandNameOf(commandLine);
        if (name is null)
        {
            Error(file, pointer, $"{owner}: the command line cannot be read: {commandLine}");
        }
        else if (!isKnownCommand(name))
        {
            Error(file, pointer, $"{owner}: command '{name}' is not one the dispatcher knows (src/ClAdmin.Shell/commands.json)");
        }
    }

    private void RegisterIds()
    {
        foreach (var file in files)
        {
            foreach (var (m, _, p) in file.Menus)
            {
                Register(file, $"{p}/id", m.Id, NextType.Menu);
            }
            foreach (var (s, _, p) in file.Selectors)
            {
                Register(file, $"{p}/id", s.Id, NextType.Selector);
            }
            foreach (var (d, _, p) in file.Dialogs)
            {
                Register(file, $"{p}/id", d.Id, NextType.Dialog);
            }
        }
        foreach (var file in files)
        {
            foreach (var (a, _, p) in file.Aliases)
            {
                if (_ids.TryGetValue(a.Name, out var other))
                {
                    Error(file, $"{p}/alias", _aliases.Contains(a.Name)
                        ? $"alias {a.Name} is already an alias in {other.File} at {other.Pointer}"
                        : $"alias {a.Name} is already the id of a {Kind(other.Kind)} in {other.File} at {other.Pointer}");
                }
                else
                {
                    _ids[a.Name] = (a.NextType, file.Name, $"{p}/alias");
                    _aliases.Add(a.Name);
                }
            }
        }
    }

    private void Register(MenuFile file, string pointer, string id, NextType kind)
    {
        if (_ids.TryGetValue(id, out var other))
        {
            Error(file, pointer, $"id {id} is already used by a {Kind(other.Kind)} in {other.File} at {other.Pointer}");
        }
        else
        {
            _ids[id] = (kind, file.Name, pointer);
        }
    }

    private Dictionary<string, List<MenuItem>> ParentItems()
    {
        var parents = new Dictionary<string, List<MenuItem>>(StringComparer.Ordinal);
        foreach (var item in files.SelectMany(f => f.Menus).SelectMany(m => m.Value.Items).Where(i => i.NextType == NextType.Menu))
        {
            if (!parents.TryGetValue(item.Next, out var list))
            {
                parents[item.Next] = list = [];
            }
            list.Add(item);
        }
        return parents;
    }

    private Dictionary<string, Menu> BuildMenus(Dictionary<string, List<MenuItem>> parents)
    {
        var menus = new Dictionary<string, Menu>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (m, _, pointer) in file.Menus)
            {
                var title = m.Title;
                if (title.Length == 0 && parents.TryGetValue(m.Id, out var opening))
                {
                    title = opening[0].Text.Trim();
                    if (opening.Select(i => i.Text.Trim()).Distinct(StringComparer.Ordinal).Count() > 1)
                    {
                        Error(file, $"{pointer}/id", $"menu {m.Id} is opened by items with different texts ({string.Join(" / ", opening.Select(i => $"\"{i.Text.Trim()}\"").Distinct())}); give it a title");
                    }
                }
                if (title.Length == 0)
                {
                    Error(file, pointer, $"menu {m.Id} has no title: no item opens it, so it needs \"title\"");
                }
                menus.TryAdd(m.Id, m with { Title = title, Items = [.. m.Items.OrderBy(i => i.Sequence, StringComparer.Ordinal)] });
            }
        }
        return menus;
    }

    private void CheckReferences()
    {
        foreach (var file in files)
        {
            foreach (var (m, _, pointer) in file.Menus)
            {
                for (var i = 0; i < m.Items.Count; i++)
                {
                    if (m.Items[i].NextType != NextType.Info && m.Items[i].Next.Length > 0)
                    {
                        Resolve(file, $"{pointer}/items/{i}/next", $"menu {m.Id}", m.Items[i].Next, m.Items[i].NextType);
                    }
                }
            }
            foreach (var (a, _, pointer) in file.Aliases)
            {
                Resolve(file, $"{pointer}/next", $"alias {a.Name}", a.Next, a.NextType);
            }
            foreach (var (s, _, pointer) in file.Selectors)
            {
                if (s.Type == SelectorType.JustNext)
                {
                    Resolve(file, $"{pointer}/next", $"selector {s.Id}", s.Next, s.NextType);
                }
                else if (!_ids.Any(kv => kv.Value.Kind == s.NextType && !_aliases.Contains(kv.Key) && kv.Key.StartsWith(s.Next, StringComparison.Ordinal) && kv.Key.Length > s.Next.Length))
                {
                    Error(file, $"{pointer}/next", $"selector {s.Id}: no {Kind(s.NextType)} id starts with the stem '{s.Next}'");
                }
            }
        }
    }

    private void Resolve(MenuFile file, string pointer, string owner, string next, NextType kind)
    {
        if (!_ids.TryGetValue(next, out var target) || IsAlias(next))
        {
            Error(file, pointer, $"{owner}: next id '{next}' does not name any {Kind(kind)}");
        }
        else if (target.Kind != kind)
        {
            Error(file, pointer, $"{owner}: next id '{next}' is a {Kind(target.Kind)}, not a {Kind(kind)}");
        }
    }

    private bool IsAlias(string id) => _aliases.Contains(id);

    private void CheckReachable(MenuTree tree)
    {
        var openedMenus = tree.Menus.Values.SelectMany(m => m.Items).Where(i => i.NextType == NextType.Menu).Select(i => i.Next).ToHashSet(StringComparer.Ordinal);
        var queue = new Queue<ScreenRef>(tree.Menus.Keys.Where(id => !openedMenus.Contains(id)).Select(id => new ScreenRef(NextType.Menu, id)));
        foreach (var a in tree.Aliases.Values)
        {
            queue.Enqueue(new ScreenRef(a.NextType, a.Next));
        }
        var seen = new HashSet<ScreenRef>();
        while (queue.TryDequeue(out var screen))
        {
            if (!seen.Add(screen))
            {
                continue;
            }
            if (screen.Kind == NextType.Menu && tree.Menus.TryGetValue(screen.Id, out var menu))
            {
                foreach (var item in menu.Items.Where(i => i.NextType != NextType.Info))
                {
                    queue.Enqueue(new ScreenRef(item.NextType, item.Next));
                }
            }
            else if (screen.Kind == NextType.Selector && tree.Selectors.TryGetValue(screen.Id, out var selector))
            {
                foreach (var target in tree.TargetsOf(selector))
                {
                    queue.Enqueue(target);
                }
            }
        }
        foreach (var file in files)
        {
            foreach (var (m, _, pointer) in file.Menus.Where(m => !seen.Contains(new ScreenRef(NextType.Menu, m.Value.Id))))
            {
                Error(file, $"{pointer}/id", $"menu {m.Id} is not reachable from any top menu or alias");
            }
            foreach (var (s, _, pointer) in file.Selectors.Where(s => !seen.Contains(new ScreenRef(NextType.Selector, s.Value.Id))))
            {
                Error(file, $"{pointer}/id", $"selector {s.Id} is not reachable from any menu, selector or alias");
            }
            foreach (var (d, _, pointer) in file.Dialogs.Where(d => !seen.Contains(new ScreenRef(NextType.Dialog, d.Value.Id))))
            {
                Error(file, $"{pointer}/id", $"dialog {d.Id} is not reachable from any menu, selector or alias");
            }
        }
    }

    private static string Kind(NextType kind) => kind.ToString().ToLowerInvariant();
}
