using System.Text.Json;

namespace ClAdmin.Scenarios;

/// <summary>How a scenario run is shown: a PASS or FAIL line per expectation with what was expected
/// and what was found, a line per scenario and a total; or, with --json, one object.</summary>
public static class ScenarioReport
{
    public static void WriteText(TextWriter output, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            output.WriteLine($"{outcome.Scenario.File}: {outcome.Scenario.Name}");
            foreach (var r in outcome.Results)
            {
                var at = r.Step == 0 ? "world" : $"step {r.Step}";
                var action = Show(r.Action.Length > 60 ? r.Action[..57] + "..." : r.Action);
                output.WriteLine(r.Passed
                    ? $"  PASS {at} [{action}] {r.Check}: {Show(r.Expected)}"
                    : $"  FAIL {at} [{action}] {r.Check}: expected {Show(r.Expected)}; actual {Show(r.Actual)}");
            }
            var failed = outcome.Results.Count(r => !r.Passed);
            output.WriteLine($"{outcome.Scenario.Name}: {(failed == 0 ? "passed" : "FAILED")} ({outcome.Results.Count - failed} passed, {failed} failed)");
        }
        var bad = outcomes.Count(o => !o.Passed);
        output.WriteLine($"{outcomes.Count} scenario(s): {outcomes.Count - bad} passed, {bad} failed");
    }

    /// <summary>A text on one line: newlines, tabs and other control characters written as \n, \t, \xNN.</summary>
    private static string Show(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\t' => sb.Append("\\t"),
                < ' ' or '\x7f' => sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcomes);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", outcomes.All(o => o.Passed));
            json.WriteStartArray("scenarios");
            foreach (var outcome in outcomes)
            {
                json.WriteStartObject();
                json.WriteString("file", outcome.Scenario.File);
                json.WriteString("name", outcome.Scenario.Name);
                json.WriteBoolean("passed", outcome.Passed);
                json.WriteStartArray("results");
                foreach (var r in outcome.Results)
                {
                    json.WriteStartObject();
                    json.WriteNumber("step", r.Step);
                    json.WriteString("action", r.Action);
                    json.WriteString("check", r.Check);
                    json.WriteString("expected", r.Expected);
                    json.WriteString("actual", r.Actual);
                    json.WriteBoolean("passed", r.Passed);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
