using System.Text;
using System.Text.Json;
using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>The bytes (UTF-8) of one menu file and the name it is known by.</summary>
public sealed record MenuBytes(string Name, ReadOnlyMemory<byte> Utf8);

/// <summary>
/// Loads only what one fast path needs (`cladmin run FASTPATH`): the files that name a screen
/// (the quoted id found in their bytes, a vectorised search) are parsed, nearest first, until the
/// one defining it is found; from there the walk follows the screens the fast path reaches (an
/// alias's target, a selector's next screen or, for a raw or cooked selector, every screen its
/// stem leads to), and only those screens are built into the tree.
/// For files that passed every check (the shipped menus, see <see cref="MenuLoader.Load"/>'s
/// alreadyValidated): nothing is checked here, and ids are unique and written without escapes
/// (FastpathLoaderTests holds the shipped menus to that). Pure: it is handed the bytes.
/// </summary>
public static class FastpathLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The tree of the screens <paramref name="fastpath"/> reaches, or null when this cannot
    /// answer and the whole tree must be loaded: no file defines the name (the full load says
    /// so, or why the menus do not load), it leads to a menu (whose title may come from another
    /// file's item), or a file it needs cannot be read as JSON.
    /// </summary>
    public static MenuTree? Load(IReadOnlyList<MenuBytes> files, string fastpath)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(fastpath);
        var parsed = new Dictionary<int, MenuFile>();
        var selectors = new Dictionary<string, Selector>(StringComparer.Ordinal);
        var dialogs = new Dictionary<string, Dialog>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, Alias>(StringComparer.Ordinal);
        var queue = new Queue<string>([fastpath]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unreadable = false;

        // The files whose bytes hold the quoted text ("id" whole, or "stem... open), parsed.
        IEnumerable<MenuFile> Naming(string text, bool whole)
        {
            var needle = Encoding.UTF8.GetBytes(whole ? $"\"{text}\"" : $"\"{text}");
            for (var i = 0; i < files.Count && !unreadable; i++)
            {
                if (files[i].Utf8.Span.IndexOf(needle) < 0)
                {
                    continue;
                }
                if (!parsed.TryGetValue(i, out var file))
                {
                    if (Parse(files[i]) is not { } read)
                    {
                        unreadable = true;
                        yield break;
                    }
                    parsed[i] = file = read;
                }
                yield return file;
            }
        }

        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }
            var found = false;
            foreach (var file in Naming(id, whole: true))
            {
                if (file.Menus.Any(m => m.Value.Id == id))
                {
                    return null;
                }
                if (file.Aliases.FirstOrDefault(a => a.Value.Name == id) is { } alias)
                {
                    aliases[id] = alias.Value;
                    queue.Enqueue(alias.Value.Next);
                }
                else if (file.Selectors.FirstOrDefault(s => s.Value.Id == id) is { } selector)
                {
                    selectors[id] = selector.Value;
                    foreach (var next in NextIds(selector.Value, Naming))
                    {
                        queue.Enqueue(next);
                    }
                }
                // Fields in sequence order, as the full load builds them (TreeChecks).
                else if (file.Dialogs.FirstOrDefault(d => d.Value.Id == id) is { } dialog)
                {
                    dialogs[id] = dialog.Value with { Fields = [.. dialog.Value.Fields.OrderBy(x => x.Sequence, StringComparer.Ordinal)] };
                }
                else
                {
                    continue; // only named there (a menu item's next id, a help text)
                }
                found = true;
                break;
            }
            if (unreadable || (!found && id == fastpath))
            {
                return null;
            }
            // A screen no file defines: the walk says so, as on the full tree.
        }
        return new MenuTree(new Dictionary<string, Menu>(StringComparer.Ordinal), selectors, dialogs, aliases);
    }

    /// <summary>The ids a selector can lead to: its next id, or every id of its next type its stem starts.</summary>
    private static IEnumerable<string> NextIds(Selector selector, Func<string, bool, IEnumerable<MenuFile>> naming)
    {
        if (selector.Type == SelectorType.JustNext)
        {
            return [selector.Next];
        }
        bool Led(string id) => id.StartsWith(selector.Next, StringComparison.Ordinal) && id.Length > selector.Next.Length;
        return naming(selector.Next, false).SelectMany(file => selector.NextType switch
        {
            NextType.Dialog => file.Dialogs.Select(d => d.Value.Id),
            NextType.Selector => file.Selectors.Select(s => s.Value.Id),
            _ => file.Menus.Select(m => m.Value.Id),
        }).Where(Led).ToList();
    }

    private static MenuFile? Parse(MenuBytes file)
    {
        try
        {
            var utf8 = file.Utf8;
            using var doc = JsonDocument.Parse(utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8, DocumentOptions);
            return MenuFileReader.Read(file.Name, doc.RootElement, []);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
