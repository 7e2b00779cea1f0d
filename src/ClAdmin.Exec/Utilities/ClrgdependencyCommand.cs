using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// <c>clrgdependency -t PARENT_CHILD|NODECOLLOCATION|SITECOLLOCATION -sl</c>: the "Display All ...
/// Dependencies" dialogs of Extended Resource Configuration list the resource group dependencies of
/// one kind from the configuration (HACMPrg_loc_dependency and HACMPrgdependency). The layout,
/// a comment line naming the columns then one dependency a line, is reconstructed [U]: the
/// headers are in <see cref="Headers"/>, to correct them in one place.
/// </summary>
public sealed class ClrgdependencyCommand(Func<ObjectRepository> openRepository) : ICommandHandler
{
    private const string UsageText = "Usage: clrgdependency -t PARENT_CHILD|NODECOLLOCATION|SITECOLLOCATION -sl";

    /// <summary>The column comment printed first for each kind [U].</summary>
    private static readonly Dictionary<string, (DependencyKind Kind, string Header)> Headers = new(StringComparer.Ordinal)
    {
        ["PARENT_CHILD"] = (DependencyKind.ParentChild, "#Parent Child"),
        ["NODECOLLOCATION"] = (DependencyKind.OnlineOnSameNode, "#Resource Groups Online on the Same Node"),
        ["SITECOLLOCATION"] = (DependencyKind.OnlineOnSameSite, "#Resource Groups Online on the Same Site"),
    };

    public IReadOnlyCollection<string> Names { get; } = ["clrgdependency"];

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var g = Getopt.Parse(invocation.Arguments, "t:sl");
        if (g.BadFlag is { } bad)
        {
            return Task.FromResult(UtilityHandlers.Usage($"clrgdependency: Not a recognized flag: {bad}", UsageText));
        }
        if (g.Value('t') is not { } type || !g.Has('s') || !g.Has('l') || g.Operands.Count > 0)
        {
            return Task.FromResult(UtilityHandlers.Usage(null, UsageText));
        }
        if (!Headers.TryGetValue(type.ToUpperInvariant(), out var kind))
        {
            return Task.FromResult(UtilityHandlers.Usage($"clrgdependency: \"{type}\" is not a dependency type.", UsageText));
        }
        ClusterConfiguration c;
        using (var repo = openRepository())
        {
            c = repo.LoadConfiguration(ConfigDirectory.Default);
        }
        var sb = new StringBuilder(kind.Header).Append('\n');
        foreach (var d in c.Dependencies.Where(d => d.Kind == kind.Kind))
        {
            sb.Append(string.Join(' ', d.Groups)).Append('\n');
        }
        return Task.FromResult(UtilityHandlers.Ok(sb.ToString()));
    }
}
