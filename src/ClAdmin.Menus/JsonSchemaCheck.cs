using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ClAdmin.Menus;

/// <summary>
/// The JSON-schema pass the menu files go through, for any JSON file checked against a schema of
/// the repository (menus.schema.json, scenario.schema.json): syntax first, then the schema, each
/// error naming the file, the JSON pointer and the line. Pure: it is handed texts.
/// </summary>
public sealed class JsonSchemaCheck
{
    private readonly Lazy<JsonSchema> _schema;
    private readonly string _schemaName;

    /// <param name="schemaText">The schema document.</param>
    /// <param name="schemaName">Its file name, which messages name where a value is not allowed ("see NAME").</param>
    public JsonSchemaCheck(string schemaText, string schemaName)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        _schema = new(() => JsonSchema.FromJsonAsync(schemaText).GetAwaiter().GetResult());
        _schemaName = schemaName;
    }

    /// <summary>Every error of <paramref name="json"/> (the file <paramref name="fileName"/>); none when it is valid.</summary>
    public IReadOnlyList<MenuError> Check(string fileName, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return [new MenuError(fileName, "", (int?)e.LineNumber + 1, $"not valid JSON: {MenuLoader.FirstSentence(e.Message)}")];
        }
        var errors = new List<MenuError>();
        Add(fileName, json, JsonLines.Map(json), errors);
        return errors;
    }

    /// <summary>The line of the value at <paramref name="pointer"/> in <paramref name="json"/> (of its nearest enclosing value when absent).</summary>
    public static int? LineOf(string json, string pointer) => MenuLoader.Line(JsonLines.Map(json), pointer);

    /// <summary>Adds the schema errors of a syntactically valid document to <paramref name="errors"/>.</summary>
    internal void Add(string fileName, string json, Dictionary<string, int> lines, List<MenuError> errors)
    {
        foreach (var error in Flatten(_schema.Value.Validate(json)))
        {
            var pointer = MenuLoader.ToPointer(error.Path);
            if (error.Property is { } property && error.Kind is ValidationErrorKind.PropertyRequired)
            {
                errors.Add(new MenuError(fileName, pointer, MenuLoader.Line(lines, pointer, error.LineNumber), $"required property '{property}' is missing"));
                continue;
            }
            if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed)
            {
                pointer = PointerOfProperty(error.Path, error.Property);
                errors.Add(new MenuError(fileName, pointer, MenuLoader.Line(lines, pointer, error.LineNumber), $"unknown property '{error.Property}'"));
                continue;
            }
            errors.Add(new MenuError(fileName, pointer, MenuLoader.Line(lines, pointer, error.LineNumber), Describe(error)));
        }
    }

    private string Describe(ValidationError error) => error.Kind switch
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
        ValidationErrorKind.TooFewItems => $"fewer than {error.Schema?.MinItems} item(s)",
        ValidationErrorKind.TooFewProperties => $"fewer than {error.Schema?.MinProperties} propert(y/ies)",
        _ => error.Kind.ToString(),
    };

    private string AllowedOf(ValidationError error) =>
        error.Schema is { } s && s.Enumeration.Count > 0
            ? string.Join(", ", s.Enumeration.Select(v => $"\"{v}\""))
            : $"see {_schemaName}";

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

    /// <summary>The pointer of a named property: its name may hold dots, which NJsonSchema's path cannot tell apart.</summary>
    private static string PointerOfProperty(string? path, string? property)
    {
        if (property is not null && path is not null && path.EndsWith("." + property, StringComparison.Ordinal))
        {
            return MenuLoader.ToPointer(path[..^(property.Length + 1)]) + "/" + JsonLines.Escape(property);
        }
        if (property is not null && path is not null && path == "#/" + property)
        {
            return "/" + JsonLines.Escape(property);
        }
        return MenuLoader.ToPointer(path);
    }
}
