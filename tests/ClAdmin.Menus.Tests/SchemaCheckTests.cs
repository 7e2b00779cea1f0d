using System.Xml.Linq;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// The schema pass of menu and scenario files (<see cref="JsonSchemaCheck"/>): one error per
/// broken rule, each naming the JSON pointer, the line and, in words, what the schema wants. The
/// texts are those `cladmin menus check` has always printed, one case for each kind of rule the
/// two schemas use; the validator behind them must be one that Native AOT can compile without
/// rooting whole assemblies for reflection (issue 18 §4: a lean binary).
/// </summary>
public sealed class SchemaCheckTests
{
    private static JsonSchemaCheck Menus() =>
        new(File.ReadAllText(Path.Combine(RepoPaths.Root, "menus.schema.json")), "menus.schema.json");

    private static JsonSchemaCheck Scenarios() =>
        new(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenario.schema.json")), "scenario.schema.json");

    private static void AssertErrors(JsonSchemaCheck check, string json, params string[] expected)
    {
        var errors = check.Check("f.json", json);
        Assert.All(errors, e => Assert.Equal("f.json", e.File));
        var actual = errors.Select(e => $"{e.Pointer}|{e.Line}|{e.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public void A_valid_file_has_no_errors()
    {
        AssertErrors(Menus(), """{ "menus": [ { "id": "top", "title": "Top", "items": [] } ] }""");
        AssertErrors(Scenarios(), """{ "name": "s", "world": { "nodes": 2 }, "steps": [ { "cmd": "clRGinfo" } ] }""");
    }

    [Fact]
    public void Menu_errors_name_pattern_length_property_type_and_allowed_values()
    {
        AssertErrors(
            Menus(),
            """
            {
              "menus": [
                {
                  "id": "top menu",
                  "title": "",
                  "colour": 1,
                  "items": [
                    { "sequence": "01", "text": 5, "nextType": "screen" }
                  ]
                }
              ],
              "dialogs": {}
            }
            """,
            "/menus/0/id|4|value does not match the pattern ^[A-Za-z0-9_.-]{1,64}$",
            "/menus/0/title|5|value is too short",
            "/menus/0/colour|6|unknown property 'colour'",
            "/menus/0/items/0/text|8|a string is expected",
            "/menus/0/items/0/nextType|8|value is not one of the allowed values (\"menu\", \"dialog\", \"selector\", \"info\")",
            "/dialogs|12|an array is expected");
    }

    [Fact]
    public void Dialog_errors_name_missing_property_boolean_integer_and_bounds()
    {
        AssertErrors(
            Menus(),
            """
            {
              "dialogs": [
                {
                  "id": "d",
                  "title": "T",
                  "ask": "yes",
                  "fields": [
                    { "id": "f", "sequence": "1", "label": "L", "size": -1, "multiSelect": "x" },
                    { "id": "g", "sequence": "2", "label": "L", "ring": { "values": [], "defaultIndex": 1.5 } }
                  ]
                }
              ]
            }
            """,
            "/dialogs/0/command|3|required property 'command' is missing",
            "/dialogs/0/ask|6|true or false is expected",
            "/dialogs/0/fields/0/size|8|value is below 0",
            "/dialogs/0/fields/0/multiSelect|8|value is not one of the allowed values (\"\", \",\", \"y\", \"m\")",
            "/dialogs/0/fields/1/ring/defaultIndex|9|an integer is expected");
    }

    [Fact]
    public void A_too_long_value_names_the_limit()
    {
        var title = new string('x', 1025);
        AssertErrors(
            Menus(),
            "{\n  \"menus\": [ { \"id\": \"top\",\n    \"title\": \"" + title + "\", \"items\": [] } ]\n}",
            "/menus/0/title|3|value is longer than 1024 characters");
    }

    [Fact]
    public void Scenario_errors_name_bounds_counts_objects_and_patterns_of_map_values()
    {
        AssertErrors(
            Scenarios(),
            """
            {
              "name": "s",
              "world": { "nodes": 33 },
              "steps": [
                {},
                { "expect": { "managers": { "node1": "UP" } } }
              ]
            }
            """,
            "/world/nodes|3|value is above 32",
            "/steps/0|5|fewer than 1 propert(y/ies)",
            "/steps/1/expect/managers/node1|6|value does not match the pattern ^(NOT_CONFIGURED|ST_[A-Z_]+|RP_FAILED)$");
        AssertErrors(
            Scenarios(),
            """
            {
              "world": 3,
              "steps": []
            }
            """,
            "/name|1|required property 'name' is missing",
            "/world|2|an object is expected",
            "/steps|3|fewer than 1 item(s)");
    }

    [Fact]
    public void A_property_name_with_a_dot_or_slash_is_one_pointer_token()
    {
        AssertErrors(
            Scenarios(),
            """
            {
              "name": "s", "world": {}, "steps": [ { "cmd": "x" } ],
              "a.b/c": 1
            }
            """,
            "/a.b~1c|3|unknown property 'a.b/c'");
    }

    [Fact]
    public void The_validator_needs_no_assembly_kept_whole_for_reflection()
    {
        // NJsonSchema works on Newtonsoft.Json and Namotion.Reflection, which Native AOT could only
        // compile rooted whole: megabytes of binary that every start rehydrates (issue 18 §4).
        var reflective = new[] { "NJsonSchema", "Newtonsoft.Json", "Namotion.Reflection" };
        var referenced = typeof(JsonSchemaCheck).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(referenced, name => reflective.Contains(name, StringComparer.Ordinal));

        var program = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "ClAdmin", "ClAdmin.csproj"));
        Assert.Empty(program.Descendants("TrimmerRootAssembly"));
        var packages = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        var listed = packages.Descendants("PackageVersion").Select(e => (string?)e.Attribute("Include")).ToList();
        Assert.DoesNotContain(listed, name => reflective.Contains(name, StringComparer.Ordinal));
    }
}
