using System.Text.Json;
using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>A screen object read from a file, with where it was found.</summary>
internal sealed record Located<T>(T Value, string File, string Pointer);

/// <summary>What one schema-valid file holds, with JSON pointers kept for error messages.</summary>
internal sealed class MenuFile
{
    public required string Name { get; init; }
    public required Dictionary<string, int> Lines { get; init; }
    public List<Located<Menu>> Menus { get; } = [];
    public List<Located<Alias>> Aliases { get; } = [];
    public List<Located<Selector>> Selectors { get; } = [];
    public List<Located<Dialog>> Dialogs { get; } = [];
    /// <summary>Selectors as written, before the one-field rule: pointer of each and its field count.</summary>
    public List<(string Pointer, string Id, int FieldCount)> SelectorFieldCounts { get; } = [];
    /// <summary>Menus whose title was written in the file.</summary>
    public HashSet<string> ExplicitTitles { get; } = new(StringComparer.Ordinal);
}

/// <summary>Reads a schema-valid menu document into the model. Structure is already checked
/// by the schema, so this only maps names and codes.</summary>
internal static class MenuFileReader
{
    public static MenuFile Read(string name, JsonElement root, Dictionary<string, int> lines)
    {
        var file = new MenuFile { Name = name, Lines = lines };
        var i = 0;
        foreach (var m in Array(root, "menus"))
        {
            var pointer = $"/menus/{i++}";
            var items = new List<MenuItem>();
            foreach (var it in Array(m, "items"))
            {
                items.Add(new MenuItem(
                    Str(it, "sequence"), Str(it, "text"), Str(it, "next"), ParseNextType(Str(it, "nextType")), Str(it, "help")));
            }
            var id = Str(m, "id");
            var title = Str(m, "title");
            if (title.Length > 0)
            {
                file.ExplicitTitles.Add(id);
            }
            file.Menus.Add(new(new Menu(id, title, items, Str(m, "help"), name) { Transport = Str(m, "transport") }, name, pointer));
        }
        i = 0;
        foreach (var a in Array(root, "aliases"))
        {
            file.Aliases.Add(new(new Alias(Str(a, "alias"), Str(a, "next"), ParseNextType(Str(a, "nextType")), name), name, $"/aliases/{i++}"));
        }
        i = 0;
        foreach (var s in Array(root, "selectors"))
        {
            var pointer = $"/selectors/{i++}";
            var fields = Array(s, "fields").Select(ReadField).ToList();
            file.SelectorFieldCounts.Add((pointer, Str(s, "id"), fields.Count));
            if (fields.Count == 0)
            {
                continue;
            }
            var raw = Str(s, "rawFieldName");
            var cooked = Str(s, "cookedFieldName");
            file.Selectors.Add(new(new Selector
            {
                Id = Str(s, "id"),
                Title = Str(s, "title"),
                Next = Str(s, "next"),
                NextType = ParseNextType(Str(s, "nextType")),
                Type = Str(s, "type") switch { "raw" => SelectorType.Raw, "cooked" => SelectorType.Cooked, _ => SelectorType.JustNext },
                Ghost = Bool(s, "ghost"),
                HasNameSelect = Bool(s, "hasNameSelect"),
                ClassifyCommand = Str(s, "classifyCommand"),
                ClassifyPostfix = Str(s, "classifyPostfix"),
                RawFieldName = raw.Length > 0 ? raw : "_rawname",
                CookedFieldName = cooked.Length > 0 ? cooked : "_cookedname",
                Field = fields[0],
                Help = Str(s, "help"),
                Designed = Bool(s, "designed"),
                File = name,
            }, name, pointer));
        }
        i = 0;
        foreach (var d in Array(root, "dialogs"))
        {
            var pointer = $"/dialogs/{i++}";
            var execMode = Str(d, "execMode");
            file.Dialogs.Add(new(new Dialog
            {
                Id = Str(d, "id"),
                Title = Str(d, "title"),
                Command = Str(d, "command"),
                Ask = Bool(d, "ask"),
                Dangerous = Bool(d, "dangerous"),
                ExecMode = execMode.Length > 0 ? execMode[0] : 'p',
                Ghost = Bool(d, "ghost"),
                HasNameSelect = Bool(d, "hasNameSelect"),
                DiscoverCommand = Str(d, "discoverCommand"),
                DiscoverPostfix = Str(d, "discoverPostfix"),
                DiscoverAlso = Array(d, "discoverAlso")
                    .Select(x => new ExtraDiscovery(Str(x, "command"), Array(x, "names").Select(v => v.GetString() ?? "").ToList())).ToList(),
                Fields = Array(d, "fields").Select(ReadField).ToList(),
                Help = Str(d, "help"),
                Designed = Bool(d, "designed"),
                File = name,
                Transport = Str(d, "transport"),
                Live = Bool(d, "live"),
            }, name, pointer));
        }
        return file;
    }

    private static Field ReadField(JsonElement f)
    {
        Ring? ring = null;
        if (f.TryGetProperty("ring", out var r))
        {
            ring = new Ring(
                Array(r, "values").Select(v => v.GetString() ?? "").ToList(),
                r.TryGetProperty("commandValues", out var cv) ? cv.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : null,
                r.TryGetProperty("defaultIndex", out var di) && di.TryGetInt32(out var index) ? index : 0);
        }
        return new Field
        {
            Id = Str(f, "id"),
            Sequence = Str(f, "sequence"),
            Label = Str(f, "label"),
            DiscoveryName = Str(f, "discoveryName"),
            Op = Str(f, "op") switch { "list" => OpType.List, "ring" => OpType.Ring, _ => OpType.None },
            ClearAfterSuccess = Bool(f, "clearAfterSuccess"),
            Entry = Str(f, "entry") switch
            {
                "none" => EntryType.None,
                "numeric" => EntryType.Numeric,
                "hex" => EntryType.Hex,
                "file" => EntryType.File,
                "raw" => EntryType.Raw,
                _ => EntryType.Text,
            },
            Size = f.TryGetProperty("size", out var size) && size.TryGetInt32(out var n) ? n : 0,
            Required = Str(f, "required") switch
            {
                "y" => Required.Yes,
                "+" => Required.NonBlank,
                "?" => Required.UnlessEmpty,
                _ => Required.No,
            },
            Prefix = Str(f, "prefix"),
            ListCommand = Str(f, "listCommand"),
            ListPostfix = Str(f, "listPostfix"),
            ListMode = Str(f, "listMode") switch
            {
                "1" => ListMode.First,
                "2" => ListMode.Second,
                "r" => ListMode.Range,
                _ => ListMode.All,
            },
            MultiSelect = Str(f, "multiSelect") switch
            {
                "," => MultiSelect.Comma,
                "y" => MultiSelect.Yes,
                "m" => MultiSelect.Multiple,
                _ => MultiSelect.Single,
            },
            Ring = ring,
            Default = Str(f, "default"),
            Secret = Bool(f, "secret"),
            Cspoc = Str(f, "cspoc") switch { "n" => CspocOption.Nodes, "g" => CspocOption.ResourceGroup, _ => CspocOption.None },
            Help = Str(f, "help"),
            Designed = Bool(f, "designed"),
            Labels = f.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
                : null,
            ShownWhen = f.TryGetProperty("shownWhen", out var when) && when.ValueKind == JsonValueKind.Object
                ? new FieldCondition(Str(when, "name"), Array(when, "values").Select(v => v.GetString() ?? "").ToList(), Bool(when, "notEmpty"))
                : null,
        };
    }

    private static NextType ParseNextType(string s) => s switch
    {
        "menu" => NextType.Menu,
        "dialog" => NextType.Dialog,
        "selector" => NextType.Selector,
        _ => NextType.Info,
    };

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
