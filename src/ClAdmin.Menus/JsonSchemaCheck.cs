using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ClAdmin.Menus;

/// <summary>
/// The JSON-schema pass the menu files go through, for any JSON file checked against a schema of
/// the repository (menus.schema.json, scenario.schema.json): syntax first, then the schema, each
/// error naming the file, the JSON pointer and the line. Pure: it is handed texts.
/// The validator is JsonSchema.Net, on System.Text.Json, which Native AOT compiles without
/// reflection roots; the messages are ours, in the words `cladmin menus check` has always used.
/// </summary>
public sealed class JsonSchemaCheck
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };
    private readonly Lazy<(JsonSchema Schema, JsonElement Text)> _schema;
    private readonly string _schemaName;

    /// <param name="schemaText">The schema document.</param>
    /// <param name="schemaName">Its file name, which messages name where a value is not allowed ("see NAME").</param>
    public JsonSchemaCheck(string schemaText, string schemaName)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        _schema = new(() => (JsonSchema.FromText(schemaText), JsonDocument.Parse(schemaText, Options).RootElement));
        _schemaName = schemaName;
    }

    /// <summary>Every error of <paramref name="json"/> (the file <paramref name="fileName"/>); none when it is valid.</summary>
    public IReadOnlyList<MenuError> Check(string fileName, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
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
        using var doc = JsonDocument.Parse(json, Options);
        var (schema, schemaText) = _schema.Value;
        // Options of its own for each run: the schema is registered (by its $id) in their registry.
        var results = schema.Evaluate(JsonNode.Parse(json, documentOptions: Options), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return;
        }
        var found = new List<MenuError>();
        foreach (var node in Nodes(results))
        {
            if (node.Errors is not { Count: > 0 } failed)
            {
                continue;
            }
            var pointer = node.InstanceLocation.ToString();
            var rules = RulesAt(schemaText, node.EvaluationPath.ToString());
            foreach (var (keyword, text) in failed)
            {
                if (keyword == "required")
                {
                    foreach (var property in Missing(rules, Resolve(doc.RootElement, pointer)))
                    {
                        var at = pointer + "/" + JsonLines.Escape(property);
                        found.Add(new MenuError(fileName, at, MenuLoader.Line(lines, at), $"required property '{property}' is missing"));
                    }
                    continue;
                }
                if (keyword.Length == 0 && node.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal))
                {
                    var property = Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);
                    found.Add(new MenuError(fileName, pointer, MenuLoader.Line(lines, pointer), $"unknown property '{property}'"));
                    continue;
                }
                found.Add(new MenuError(fileName, pointer, MenuLoader.Line(lines, pointer), Describe(keyword, text, rules)));
            }
        }
        // In the order of the file, as a reader goes through it.
        errors.AddRange(found.OrderBy(e => e.Line ?? int.MaxValue));
    }

    /// <summary>What the rule <paramref name="keyword"/> of the subschema <paramref name="rules"/> wants, in words.</summary>
    private string Describe(string keyword, string text, JsonElement? rules)
    {
        var value = rules is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(keyword, out var v) ? v : (JsonElement?)null;
        var raw = value?.GetRawText();
        return keyword switch
        {
            "enum" => $"value is not one of the allowed values ({AllowedOf(value)})",
            "pattern" => $"value does not match the pattern {(value?.ValueKind == JsonValueKind.String ? value.Value.GetString() : raw)}",
            "type" => (value?.ValueKind == JsonValueKind.String ? value.Value.GetString() : null) switch
            {
                "string" => "a string is expected",
                "boolean" => "true or false is expected",
                "integer" => "an integer is expected",
                "number" => "a number is expected",
                "array" => "an array is expected",
                "object" => "an object is expected",
                _ => $"a value of type {raw} is expected",
            },
            "minLength" => "value is too short",
            "maxLength" => $"value is longer than {raw} characters",
            "minimum" => $"value is below {raw}",
            "maximum" => $"value is above {raw}",
            "minItems" => $"fewer than {raw} item(s)",
            "minProperties" => $"fewer than {raw} propert(y/ies)",
            _ => $"{keyword}: {text}",
        };
    }

    private string AllowedOf(JsonElement? values) =>
        values is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0
            ? string.Join(", ", list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? $"\"{v.GetString()}\"" : v.GetRawText()))
            : $"see {_schemaName}";

    /// <summary>The properties the subschema requires that the object lacks, in the schema's order.</summary>
    private static IEnumerable<string> Missing(JsonElement? rules, JsonElement? instance)
    {
        if (rules is not { ValueKind: JsonValueKind.Object } r || !r.TryGetProperty("required", out var required)
            || required.ValueKind != JsonValueKind.Array || instance is not { ValueKind: JsonValueKind.Object } o)
        {
            yield break;
        }
        foreach (var name in required.EnumerateArray().Select(n => n.GetString()).OfType<string>())
        {
            if (!o.TryGetProperty(name, out _))
            {
                yield return name;
            }
        }
    }

    /// <summary>The node and all the nodes under it (the list format holds them one level down).</summary>
    private static IEnumerable<EvaluationResults> Nodes(EvaluationResults node)
    {
        yield return node;
        foreach (var child in node.Details ?? [])
        {
            foreach (var nested in Nodes(child))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The subschema an evaluation path leads to: its tokens walk the schema from the root,
    /// a <c>$ref</c> token going where the (local) reference points.</summary>
    private static JsonElement? RulesAt(JsonElement schema, string evaluationPath)
    {
        JsonElement? at = schema;
        foreach (var token in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))
        {
            if (at is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(token, out var next))
            {
                return null;
            }
            at = token == "$ref" && next.ValueKind == JsonValueKind.String && next.GetString() is ['#', .. var pointer]
                ? Resolve(schema, pointer)
                : next;
        }
        return at;
    }

    /// <summary>The value at a JSON pointer (RFC 6901), or null when there is none.</summary>
    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var at = root;
        if (pointer.Length == 0)
        {
            return at;
        }
        foreach (var token in pointer[1..].Split('/').Select(Unescape))
        {
            if (at.ValueKind == JsonValueKind.Object && at.TryGetProperty(token, out var child))
            {
                at = child;
            }
            else if (at.ValueKind == JsonValueKind.Array && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < at.GetArrayLength())
            {
                at = at[i];
            }
            else
            {
                return null;
            }
        }
        return at;
    }

    private static string Unescape(string token) =>
        token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
