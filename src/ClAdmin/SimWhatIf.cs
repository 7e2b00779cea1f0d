using System.CommandLine;
using ClAdmin.Contracts;
using ClAdmin.Exec.Utilities;
using ClAdmin.Sim;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Persistence;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin sim whatif fail KIND TARGET`: what the cluster would do if the fault happened, as
/// crm_simulate and the VCS simulator forecast, in HACMP's terms: the cluster events each node would
/// run (hacmp.out's EVENT lines) and clRGinfo's table afterwards. The simulation runs on a copy of
/// the world that is then discarded (<see cref="SimClusterServices.WhatIfAsync"/>).
/// </summary>
public static class SimWhatIf
{
    public static Command Create(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var kind = new Argument<string>("kind") { Description = string.Join("|", SimFaults.Kinds) };
        kind.AcceptOnlyFromAmong([.. SimFaults.Kinds]);
        var target = new Argument<string>("target") { Description = "What would fail: node NODE, interface NODE:enN, network NAME, disk hdiskN, app NODE:APP" };
        var fail = new Command("fail", "Forecast a fault: the events that would follow and where the resource groups would end, changing nothing") { kind, target };
        fail.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
                var result = await RunAsync(runtime, parse.GetValue(kind)!, parse.GetValue(target)!, ct);
                output.Write(result.Stdout);
                error.Write(result.Stderr);
                return result.ExitCode;
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
        });
        return new Command("whatif", "What would happen if a fault were injected (nothing is changed)") { fail };
    }

    /// <summary>The forecast of <c>sim fail KIND TARGET</c>: the events, then clRGinfo's table of the world they leave.</summary>
    public static Task<CommandResult> RunAsync(Runtime runtime, string kind, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var services = runtime.ClusterServices ?? throw new InvalidOperationException("what-if needs the simulated transport");
        return RunAsync(services, runtime.OpenRepository, kind, target, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync(Runtime, string, string, CancellationToken)"/>, given the simulated cluster's services.</summary>
    public static async Task<CommandResult> RunAsync(SimClusterServices services, Func<ObjectRepository> openRepository, string kind, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var forecast = await services.WhatIfAsync(world => SimFaults.Fail(world, kind, target) is var f ? (f.Ok, f.Message) : default, cancellationToken);
        if (forecast.After is null)
        {
            return forecast.Result;
        }
        var config = services.ActiveConfiguration();
        // clRGinfo's own table, read from the forecast's world (a store of its own in memory, never the database).
        var copy = new InMemoryWorldStore();
        copy.Save(forecast.After, 0);
        var state = new SimClusterState(new SimTransport(copy), openRepository);
        var table = RgInfoFormatter.Table(config, state, [.. config.ResourceGroups]);
        return forecast.Result with { Stdout = forecast.Result.Stdout + "\n" + ManagerTexts.WhatIfPlacement + "\n" + table };
    }
}
