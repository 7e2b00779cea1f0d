using System.Text.Json;
using System.Text.RegularExpressions;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// `cladmin sim scenario run|record`, run as a user runs them: the shipped corpus under scenarios/
/// passes (the simulator's regression suite), a wrong expectation fails showing expected and actual,
/// an invalid file is refused naming the file, line and JSON pointer, and a recorded skeleton runs.
/// </summary>
public sealed partial class ScenarioTests : CladminCliTest
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "scenarios");

    private string Write(string name, string json)
    {
        File.WriteAllText(P(name), json);
        return P(name);
    }

    [Fact]
    public void The_corpus_passes_and_covers_every_canonical_sequence_and_fault_kind()
    {
        var files = Directory.GetFiles(Corpus, "*.json").Order(StringComparer.Ordinal).ToArray();
        var covers = files.SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("covers").EnumerateArray().Select(c => c.GetString()!)).ToHashSet();
        // semantics §4.3 S1-S10, and every kind of `cladmin sim fail` (README, "The simulated cluster").
        string[] required = [.. Enumerable.Range(1, 10).Select(i => $"S{i}"), "fault:node", "fault:interface", "fault:network", "fault:disk", "fault:app",
            "R-SU-1", "R-SU-2", "R-FO-1", "R-FO-3", "R-FB-1", "R-FB-2", "R-DEP-PC", "R-DEP-SA", "R-DEP-LOC", "R-STATE", "R-EVT", "R-CM", "R-DETECT", "R-PLACE", "R-ORDER"];
        Assert.Empty(required.Except(covers));

        var r = Cladmin(["sim", "scenario", "run", .. files]);

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.DoesNotContain("  FAIL ", r.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"{files.Length} scenario(s): {files.Length} passed, 0 failed\n", r.Stdout, StringComparison.Ordinal);

        // Issue 16 §3: before every fault injected in auto mode, the runner forecast it with what-if,
        // and the forecast was what then happened (the same EVENT lines, the same clRGinfo table).
        var faults = files.Select(File.ReadAllText).Where(t => !t.Contains("\"sim\": \"mode step\"", StringComparison.Ordinal))
            .Sum(t => Regex.Count(t, "\"sim\": \"fail "));
        Assert.True(faults >= 15, $"{faults} faults in the corpus");
        Assert.Equal(faults, Regex.Count(r.Stdout, @"  PASS step \d+ \[sim fail [^\]]+\] what-if: \d+ event lines and clRGinfo as forecast\n"));
    }

    [Fact]
    public void A_wrong_expectation_fails_with_exit_1_showing_expected_and_actual()
    {
        // After Start Cluster Services on both nodes rg1 is ONLINE on its home node1 (R-SU-1),
        // not on node2; and node1's manager is ST_STABLE, not ST_INIT.
        var file = Write("wrong.json", """
            {
              "name": "wrong",
              "world": { "demo": true },
              "steps": [
                { "cmd": "clmgr online cluster",
                  "expect": { "groups": ["rg1:ONLINE:node1", "rg1:ONLINE:node2"], "managers": { "node1": "ST_INIT" },
                              "events": { "node1": ["EVENT START: node_up node1", "EVENT START: node_down node1"] } } }
              ]
            }
            """);

        var r = Cladmin("sim", "scenario", "run", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("  PASS step 1 [clmgr online cluster] group: rg1:ONLINE:node1\n", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  FAIL step 1 [clmgr online cluster] group: expected rg1:ONLINE:node2; actual rg1:OFFLINE:node2\n", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  FAIL step 1 [clmgr online cluster] manager node1: expected ST_INIT; actual ST_STABLE\n", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"  FAIL step 1 \[clmgr online cluster\] events node1: expected EVENT START: node_down node1 \(after 'EVENT START: node_up node1'\); actual not found in hacmp.out after that line; there: EVENT START: rg_move node1 1 ACQUIRE \| ", r.Stdout);
        Assert.Contains("wrong: FAILED (2 passed, 3 failed)\n", r.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 scenario(s): 0 passed, 1 failed\n", r.Stdout, StringComparison.Ordinal);

        var json = Cladmin("sim", "scenario", "run", "--json", file);
        Assert.Equal(1, json.ExitCode);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        var failed = root.GetProperty("scenarios")[0].GetProperty("results").EnumerateArray().Where(e => !e.GetProperty("passed").GetBoolean()).ToList();
        Assert.Equal(3, failed.Count);
        Assert.Equal("rg1:ONLINE:node2", failed[0].GetProperty("expected").GetString());
        Assert.Equal("rg1:OFFLINE:node2", failed[0].GetProperty("actual").GetString());
        Assert.Equal(1, failed[0].GetProperty("step").GetInt32());
    }

    [Fact]
    public void An_invalid_scenario_file_is_refused_with_exit_2_naming_the_file_line_and_pointer_and_nothing_runs()
    {
        var bad = Write("bad.json", """
            {
              "name": "bad",
              "world": { "demo": true },
              "steps": [
                { "sim": "explode node1" },
                { "cmd": "clRGinfo", "sim": "settle" },
                { "cmd": "clRGinfo", "expect": { "groups": ["rg1 online"] }, "colour": "red" }
              ]
            }
            """);
        var good = Write("good.json", """{ "name": "good", "world": {}, "steps": [ { "cmd": "uptime" } ] }""");

        var r = Cladmin("sim", "scenario", "run", good, bad);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains($"{bad}:5: /steps/0/sim: value does not match the pattern ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{bad}:7: /steps/2/expect/groups/0: value does not match the pattern ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{bad}:7: /steps/2/colour: unknown property 'colour'", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was run", r.Stderr, StringComparison.Ordinal);

        // What the schema cannot say: a step with both cmd and sim.
        var both = Write("both.json", """
            { "name": "both", "world": {},
              "steps": [
                { "cmd": "uptime", "sim": "settle" },
                { "sim": "settle", "from": "node2" }
              ] }
            """);
        var r2 = Cladmin("sim", "scenario", "run", both);
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains($"{both}:3: /steps/0: a step has cmd or sim, not both", r2.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{both}:4: /steps/1/from: from goes with cmd", r2.Stderr, StringComparison.Ordinal);

        var missing = Cladmin("sim", "scenario", "run", P("nowhere.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains(P("nowhere.json"), missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_turns_a_cladmin_script_and_the_final_state_into_a_scenario_that_passes()
    {
        Assert.Equal(0, Cladmin("sim", "init", "--demo").ExitCode);
        var start = Cladmin("run", "clstart", "nodes=node1", "--yes");
        Assert.True(start.ExitCode == 0, start.Stderr);

        var r = Cladmin("sim", "scenario", "record", P("cladmin.script"), "--name", "started");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("started", root.GetProperty("name").GetString());
        Assert.True(root.GetProperty("world").GetProperty("demo").GetBoolean());
        Assert.Equal(2, root.GetProperty("world").GetProperty("nodes").GetInt32());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(2, steps.Count);
        Assert.Matches(CspocStart(), steps[0].GetProperty("cmd").GetString()!);
        var expect = steps[1].GetProperty("expect");
        // Started on node1 only: rg1 on its home node, rg2 (home node2) offline (R-SU-1).
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:OFFLINE:node2", "rg2:OFFLINE:node1"], expect.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("ST_STABLE", expect.GetProperty("managers").GetProperty("node1").GetString());
        Assert.Equal("ST_INIT", expect.GetProperty("managers").GetProperty("node2").GetString());

        var replay = Cladmin("sim", "scenario", "run", Write("started.json", r.Stdout));
        Assert.True(replay.ExitCode == 0, replay.Stdout + replay.Stderr);
    }

    [GeneratedRegex(@"cl_rc\.cluster -cspoc ""-n node1""")]
    private static partial Regex CspocStart();
}
