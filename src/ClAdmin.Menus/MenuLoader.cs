using System.Reflection;
using System.Text.Json;
using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>
/// Loads menu files: each is parsed and validated against menus.schema.json, then the whole
/// set is checked for meaning (unique ids, references that resolve, reachable screens, one
/// field per selector, consistent rings, unique sequence numbers). Loading fails whole: any
/// error and no tree is returned, every error naming its file, JSON pointer and line.
/// Pure: it is handed the texts and reads no files.
/// </summary>
public static class MenuLoader
{
    /// <summary>The text of menus.schema.json as embedded in this assembly.</summary>
    public static string SchemaText { get; } = ReadEmbeddedSchema();

    private static readonly Lazy<JsonSchemaCheck> Schema = new(() => new JsonSchemaCheck(SchemaText, "menus.schema.json"));

    /// <summary>Loads a tree from menu file texts.</summary>
    /// <param name="sources">The files, in the order errors should be reported.</param>
    /// <param name="isKnownCommand">When given, every command name used by a screen must satisfy it.</param>
    /// <param name="alreadyValidated">True only for files byte-identical to files that passed every
    /// check (the shipped menus, which the test suite loads in full): the tree is built without the
    /// schema pass, the line map and the tree checks. Should anything still fail, the files are
    /// loaded again in full so that errors carry their lines.</param>
    public static MenuLoadResult Load(IEnumerable<MenuSource> sources, Func<string, bool>? isKnownCommand = null, bool alreadyValidated = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources as IReadOnlyCollection<MenuSource> ?? sources.ToList();
        var errors = new List<MenuError>();
        var files = new List<MenuFile>();
        foreach (var source in list)
        {
            if (ReadOne(source, errors, alreadyValidated) is { } file)
            {
                files.Add(file);
            }
        }
        var checks = new TreeChecks(files, errors, isKnownCommand, trusted: alreadyValidated);
        var tree = checks.Run();
        if (errors.Count > 0 && alreadyValidated)
        {
            return Load(list, isKnownCommand, alreadyValidated: false);
        }
        return errors.Count == 0 ? new MenuLoadResult(tree, []) : new MenuLoadResult(null, errors);
    }

    private static MenuFile? ReadOne(MenuSource source, List<MenuError> errors, bool alreadyValidated)
    {
        var lines = alreadyValidated ? [] : JsonLines.Map(source.Json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(source.Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            errors.Add(new MenuError(source.Name, "", (int?)e.LineNumber + 1, $"not valid JSON: {FirstSentence(e.Message)}"));
            return null;
        }
        using (doc)
        {
            if (alreadyValidated)
            {
                return MenuFileReader.Read(source.Name, doc.RootElement, lines);
            }
            var before = errors.Count;
            Schema.Value.Add(source.Name, source.Json, lines, errors);
            return errors.Count > before ? null : MenuFileReader.Read(source.Name, doc.RootElement, lines);
        }
    }

    internal static int? Line(Dictionary<string, int> lines, string pointer, int fallback = 0)
    {
        var p = pointer;
        while (true)
        {
            if (lines.TryGetValue(p, out var line))
            {
                return line;
            }
            var cut = p.LastIndexOf('/');
            if (cut < 0)
            {
                return fallback > 0 ? fallback : null;
            }
            p = p[..cut];
        }
    }

    internal static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " LineNumber:", " Path:", " Change the reader options." })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        return message.TrimEnd();
    }

    private static string ReadEmbeddedSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ClAdmin.Menus.menus.schema.json")
            ?? throw new InvalidOperationException("menus.schema.json is not embedded in ClAdmin.Menus");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
