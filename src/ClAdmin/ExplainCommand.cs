using System.CommandLine;
using ClAdmin.Sim.Manager;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin explain rg RG`: why a resource group is where it is, in one plain sentence (the same sentence
/// clRGinfo -v prints as its Placement line), from the simulated cluster managers' view and the placement
/// rules' own reasons (PlacementExplainer). Exit 2 for a group not in the active configuration.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var group = new Argument<string>("group") { Description = "A resource group of the active configuration" };
        var rg = new Command("rg", "Why the resource group is where it is: policy, node list, nodes up, dependencies, a manual move, timers") { group };
        rg.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
                var name = parse.GetValue(group)!;
                if (new SimClusterState(runtime.Simulation!, runtime.OpenRepository).Explanation(name) is not { } sentence)
                {
                    error.WriteLine($"cladmin: explain rg: {name}: not a resource group of the active (synchronized) configuration");
                    return ExitCodes.Usage;
                }
                output.WriteLine(sentence);
                return ExitCodes.Ok;
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
        });
        return new Command("explain", "Explain the simulated cluster in words") { rg };
    }
}
