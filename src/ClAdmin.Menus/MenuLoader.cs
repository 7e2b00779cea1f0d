using System.Reflection;
using System.Text.Json;
using ClAdmin.Menus.Model;
using NJsonSchema;
using NJsonSchema.Validation;

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
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>The text of menus.schema.json as embedded in this assembly.</summary>
    public static string SchemaText { get; } = ReadEmbeddedSchema();

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
            foreach (var error in Flatten(Schema.Value.Validate(source.Json)))
            {
                var pointer = ToPointer(error.Path);
                if (error.Property is { } property && error.Kind is ValidationErrorKind.PropertyRequired)
                {
                    errors.Add(new MenuError(source.Name, pointer, Line(lines, pointer, error.LineNumber), $"required property '{property}' is missing"));
                    continue;
                }
                if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed)
                {
                    pointer = PointerOfProperty(error.Path, error.Property);
                    errors.Add(new MenuError(source.Name, pointer, Line(lines, pointer, error.LineNumber), $"unknown property '{error.Property}'"));
                    continue;
                }
                errors.Add(new MenuError(source.Name, pointer, Line(lines, pointer, error.LineNumber), Describe(error)));
            }
            return errors.Count > before ? null : MenuFileReader.Read(source.Name, doc.RootElement, lines);
        }
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.NotInEnumeration => $"value is not one of the allowed values ({AllowedOf(error)})",
        ValidationErrorKind.PatternMismatch => $"value does not match the pattern {error.Schema?.Pattern}",
        ValidationErrorKind.StringExpected => "a string is expected",
        ValidationErrorKind.BooleanExpected => "true or false is expected",
        ValidationErrorKind.IntegerExpected => "an integer is expected",
        ValidationErrorKind.ArrayExpected => "an array is expected",
        ValidationErrorKind.ObjectExpected => "an object is expected",
        ValidationErrorKind.StringTooShort => "value is too short",
        ValidationErrorKind.StringTooLong => $"value is longer than {error.Schema?.MaxLength} characters",
        ValidationErrorKind.NumberTooSmall => $"value is below {error.Schema?.Minimum}",
        ValidationErrorKind.NumberTooBig => $"value is above {error.Schema?.Maximum}",
        _ => error.Kind.ToString(),
    };

    private static string AllowedOf(ValidationError error) =>
        error.Schema is { } s && s.Enumeration.Count > 0
            ? string.Join(", ", s.Enumeration.Select(v => $"\"{v}\""))
            : "see menus.schema.json";

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    /// <summary>NJsonSchema paths look like <c>#/dialogs[0].fields[2].prefix</c>; errors use JSON pointers.</summary>
    internal static string ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "";
        }
        var p = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        p = System.Text.RegularExpressions.Regex.Replace(p, @"\[(\d+)\]", "/$1");
        return "/" + p.Replace('.', '/');
    }

    /// <summary>The pointer of a named property: its name may hold dots, which NJsonSchema's path cannot tell apart.</summary>
    private static string PointerOfProperty(string? path, string? property)
    {
        if (property is not null && path is not null && path.EndsWith("." + property, StringComparison.Ordinal))
        {
            return ToPointer(path[..^(property.Length + 1)]) + "/" + JsonLines.Escape(property);
        }
        if (property is not null && path is not null && path == "#/" + property)
        {
            return "/" + JsonLines.Escape(property);
        }
        return ToPointer(path);
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

    private static string FirstSentence(string message)
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

    private static JsonSchema LoadSchema() =>
        JsonSchema.FromJsonAsync(SchemaText).GetAwaiter().GetResult();

    private static string ReadEmbeddedSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ClAdmin.Menus.menus.schema.json")
            ?? throw new InvalidOperationException("menus.schema.json is not embedded in ClAdmin.Menus");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
