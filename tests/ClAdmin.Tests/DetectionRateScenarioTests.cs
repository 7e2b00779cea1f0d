using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>
/// The failure detection rate of a network module (issue 16 §1; semantics §7.5): the lines the "Change a
/// Network Module using Predefined Values / Custom Values" dialogs build (menus/extended.json,
/// cm_chg_nim_predefined and cm_chg_nim_custom: the name is the "--" field, so it comes last) keep the
/// module's tuning in HACMPnim; once synchronized, the same node crash is noticed after the module's
/// detection time (failure cycle x interval x 2) on the simulated clock: ether Fast 10 s, Normal 20 s, Slow 48 s.
/// </summary>
public sealed class DetectionRateScenarioTests : DemoScenario
{
    /// <summary>Seconds from the crash of node1 to node2's node_down node1, with the ether module set by <paramref name="change"/>.</summary>
    private async Task<double> CrashNoticedAfter(string? change)
    {
        // A demo of its own for each rate: the crash of one run must not be the start of the next.
        await using var runtime = await Runtime.CreateAsync(new RuntimeOptions { DatabasePath = Path.Combine(Directory, $"{Guid.NewGuid():N}.db") }, TextWriter.Null, CancellationToken.None);
        if (change is not null)
        {
            await Ok(runtime, change);
            await Ok(runtime, "clmgr sync cluster");
        }
        await Ok(runtime, StartLine);
        var r = await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, "node", "node1") is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.True(r.ExitCode == 0, $"sim fail node node1: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        var world = runtime.Simulation!.World;
        var crash = world.Faults.Single(f => f.Kind == "node" && f.Target == "node1").Since.TimeOfDay;
        var line = world.FindNode("node2")!.Files["/tmp/hacmp.out"].Content.Split('\n').First(l => l.EndsWith("EVENT START: node_down node1", StringComparison.Ordinal));
        return (TimeSpan.Parse(line[7..15], System.Globalization.CultureInfo.InvariantCulture) - crash).TotalSeconds;
    }

    [Fact]
    public async Task A_fast_ether_module_notices_the_same_crash_earlier_than_normal_and_a_slow_one_later()
    {
        Assert.Equal(20, await CrashNoticedAfter(null));
        Assert.Equal(10, await CrashNoticedAfter("clmgr modify network_module FAILURE_RATE='fast' ether"));
        Assert.Equal(48, await CrashNoticedAfter("clmgr modify network_module FAILURE_RATE='slow' ether"));
    }

    [Fact]
    public async Task Custom_values_give_failure_cycle_times_interval_times_two()
    {
        // 4 missed beats x 1 s x 2 = 8 s.
        Assert.Equal(8, await CrashNoticedAfter("clmgr modify network_module FAILURE_CYCLE='4' ether"));
    }

    [Fact]
    public async Task The_rate_is_kept_in_HACMPnim_and_shown_by_clmgr_query_and_lssrc()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr modify network_module FAILURE_RATE='fast' ether");
        var nim = await Ok(runtime, "odmget -q name=ether HACMPnim");
        Assert.Contains("HACMPnim:\n\tname = \"ether\"\n", nim, StringComparison.Ordinal);
        Assert.Contains("\thbrate = 1000000\n", nim, StringComparison.Ordinal);
        Assert.Contains("\tcycle = 5\n", nim, StringComparison.Ordinal);
        var query = await Ok(runtime, "clmgr query network_module ether");
        Assert.Contains("FAILURE_RATE=\"fast\"", query, StringComparison.Ordinal);
        Assert.Contains("FAILURE_CYCLE=\"5\"", query, StringComparison.Ordinal);
        Assert.Contains("FAILURE_RATE=\"normal\"", await Ok(runtime, "clmgr query network_module diskhb"), StringComparison.Ordinal);

        await Ok(runtime, "clmgr sync cluster");
        await Ok(runtime, StartLine);
        Assert.Contains("HB Interval = 1.000 secs. Sensitivity = 5 missed beats", await Ok(runtime, "lssrc -ls topsvcs", "node1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_module_or_value_is_refused_naming_it_and_changes_nothing()
    {
        await using var runtime = await Demo();
        var before = await Ok(runtime, "odmget HACMPnim");
        var module = await Run(runtime, "clmgr modify network_module FAILURE_RATE='fast' ethernet");
        Assert.NotEqual(0, module.ExitCode);
        Assert.Contains("\"ethernet\"", module.Stderr, StringComparison.Ordinal);
        var rate = await Run(runtime, "clmgr modify network_module FAILURE_RATE='quick' ether");
        Assert.NotEqual(0, rate.ExitCode);
        Assert.Contains("\"FAILURE_RATE\"", rate.Stderr, StringComparison.Ordinal);
        var cycle = await Run(runtime, "clmgr modify network_module FAILURE_CYCLE='0' ether");
        Assert.NotEqual(0, cycle.ExitCode);
        Assert.Contains("\"FAILURE_CYCLE\"", cycle.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await Ok(runtime, "odmget HACMPnim"));
    }
}
