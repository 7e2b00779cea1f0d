using System.CommandLine;
using ClAdmin.Contracts;
using ClAdmin.Sim.Manager;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin sim mode auto|step`, `sim step`, `sim settle` and the event side of `sim clock advance`:
/// how simulated time and the cluster events move. In auto mode a cluster command runs its events
/// to a stable cluster before it returns; in step mode they wait for these verbs (a lesson's pace).
/// </summary>
public static class SimEventCommands
{
    public static IEnumerable<Command> Create(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var modeArg = new Argument<string>("mode") { Description = "auto: cluster commands run their events at once; step: events wait for sim step|settle|clock advance" };
        modeArg.AcceptOnlyFromAmong("auto", "step");
        var mode = new Command("mode", "How cluster events run: auto (to a stable cluster before a command returns) or step") { modeArg };
        mode.SetAction((parse, ct) => Run(exec, parse, output, error, ct, (s, c) => s.SetModeAsync(parse.GetValue(modeArg)!, c)));
        var step = new Command("step", "Run the next waiting cluster event on every member node (step mode)");
        step.SetAction((parse, ct) => Run(exec, parse, output, error, ct, (s, c) => s.StepAsync(c)));
        var settle = new Command("settle", "Run the waiting cluster events until the cluster is stable; prints the simulated time it took");
        settle.SetAction((parse, ct) => Run(exec, parse, output, error, ct, (s, c) => s.SettleAsync(c)));
        return [mode, step, settle];
    }

    /// <summary>`sim clock advance`: the clock moves by <paramref name="by"/>, running the events that fit in that time.</summary>
    public static Task<int> AdvanceAsync(ExecCommands exec, ParseResult parse, TimeSpan by, string text, TextWriter output, TextWriter error, CancellationToken ct) =>
        Run(exec, parse, output, error, ct, (s, c) => s.AdvanceAsync(by, text, c));

    private static async Task<int> Run(ExecCommands exec, ParseResult parse, TextWriter output, TextWriter error, CancellationToken ct,
        Func<SimClusterServices, CancellationToken, Task<CommandResult>> action)
    {
        try
        {
            await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
            var result = await action(runtime.ClusterServices!, ct);
            output.Write(result.Stdout);
            error.Write(result.Stderr);
            return result.ExitCode;
        }
        catch (StoreException e)
        {
            error.WriteLine($"cladmin: {e.Message}");
            return ExitCodes.Of(e);
        }
    }
}
