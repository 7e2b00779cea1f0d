using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>
/// `cladmin sim whatif fail KIND TARGET` (issue 16 §3): in each policy scenario of the cluster scenario
/// tests (ClusterServicesScenarioTests, ClusterEventScenarioTests: S1 both nodes up, S10 a move that set a
/// priority override location, S4 a node stopped gracefully, S5 a node left unmanaged, R-SU-2 an OFAN group
/// waiting for the settling time, R-FB-1 after a fallback), the forecast of a node crash changes nothing
/// (clRGinfo, hacmp.out and the clock stay as they were), and then injecting the same fault runs exactly the
/// events the forecast printed and leaves clRGinfo's table as the forecast showed it.
/// </summary>
public sealed class WhatIfScenarioTests : DemoScenario
{
    public static TheoryData<string, string, string> Scenarios => new()
    {
        { "S1", "node", "node1" },
        { "S1", "node", "node2" },
        { "S10", "node", "node2" },
        { "S4", "node", "node1" },
        { "S5", "node", "node1" },
        { "R-SU-2", "node", "node2" },
        { "R-FB-1", "node", "node2" },
        { "S1", "interface", "node1:en0" },
        { "S1", "network", "net_ether_01" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_forecast_of_a_fault_changes_nothing_and_is_what_then_happens(string scenario, string kind, string target)
    {
        await using var runtime = await Scenario(scenario);
        var table = await Ok(runtime, "clRGinfo");
        var logs = (await Run(runtime, "cat /tmp/hacmp.out", "node1", "node2")).Stdout;
        var clock = runtime.Simulation!.World.Clock;

        var forecast = await SimWhatIf.RunAsync(runtime, kind, target, CancellationToken.None);
        Assert.True(forecast.ExitCode == 0, $"whatif: rc {forecast.ExitCode}\n{forecast.Stdout}\n{forecast.Stderr}");
        Assert.StartsWith($"What if: ", forecast.Stdout, StringComparison.Ordinal);

        // Nothing changed: the same table, the same logs, the same clock, the machine still up.
        Assert.Equal(table, await Ok(runtime, "clRGinfo"));
        Assert.Equal(logs, (await Run(runtime, "cat /tmp/hacmp.out", "node1", "node2")).Stdout);
        Assert.Equal(clock, runtime.Simulation.World.Clock);

        var real = await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, kind, target) is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.True(real.ExitCode == 0, $"sim fail: rc {real.ExitCode}\n{real.Stdout}\n{real.Stderr}");
        var events = Lines(real.Stdout).Where(l => l.Contains(" EVENT ", StringComparison.Ordinal) || l.StartsWith("Settled in ", StringComparison.Ordinal)).ToList();
        if (events.Count == 0)
        {
            // S4 then a crash of the last node with services: no cluster manager is left to notice it.
            Assert.Contains("No cluster event would run.", forecast.Stdout, StringComparison.Ordinal);
        }
        var parts = forecast.Stdout.Split("\nResource group placement afterwards (clRGinfo):\n");
        Assert.Equal(2, parts.Length);
        Assert.Equal(events, Lines(parts[0]).Where(l => l.Contains(" EVENT ", StringComparison.Ordinal) || l.StartsWith("Settled in ", StringComparison.Ordinal)));
        Assert.Equal(await Ok(runtime, "clRGinfo"), parts[1]);
    }

    [Fact]
    public async Task A_fault_on_an_unknown_node_is_refused_and_changes_nothing()
    {
        await using var runtime = await Started();
        var r = await SimWhatIf.RunAsync(runtime, "node", "node9", CancellationToken.None);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no node node9", r.Stderr, StringComparison.Ordinal);
        Assert.True(runtime.Simulation!.World.FindNode("node9") is null);
        Assert.All(runtime.Simulation.World.Nodes, n => Assert.True(n.Up));
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The demo cluster brought into one of the scenario tests' states.</summary>
    private async Task<Runtime> Scenario(string name)
    {
        switch (name)
        {
            case "S10":
            {
                var runtime = await Started();
                await Ok(runtime, "clRGmove -s false -m -i -g 'rg1' -n 'node2'");
                return runtime;
            }
            case "S4":
            {
                var runtime = await Started();
                await Ok(runtime, "clmgr offline node node2 MANAGE=offline");
                return runtime;
            }
            case "S5":
            {
                var runtime = await Started();
                await Ok(runtime, "clmgr offline node node2 MANAGE=unmanage");
                return runtime;
            }
            case "R-SU-2":
            {
                var runtime = await Demo();
                await Ok(runtime, "clmgr modify cluster RG_SETTLING_TIME=120");
                await Ok(runtime, "clmgr modify resource_group STARTUP=OFAN rg1");
                using (var repo = runtime.OpenRepository())
                {
                    repo.ActivateDefault();
                }
                await Ok(runtime, StartLine, "node2");
                return runtime;
            }
            case "R-FB-1":
            {
                var runtime = await Started();
                await Ok(runtime, "clmgr offline node node1 MANAGE=move");
                await Ok(runtime, "clmgr online node node1");
                return runtime;
            }
            default:
                return await Started();
        }
    }
}
