using ClAdmin.Menus;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// The tree walk of tests/ClAdmin.Menus.Tests/TreeWalkTests.cs, carried on to the commands: every
/// command name a screen of the shipped tree can run (a dialog's command, a list, discover or
/// classify command), run alone on the demo cluster through the runtime's one dispatcher, either
/// works or prints its usage message; none ends in ksh's "not found" (issue 17, "Done when").
/// The tree walk proper stays in Menus.Tests, which may not see the dispatcher.
/// </summary>
public sealed class MenuCommandWalkTests : DemoScenario
{
    private static SortedSet<string> MenuCommandNames()
    {
        var loaded = MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null);
        Assert.True(loaded.Ok, string.Join(Environment.NewLine, loaded.Errors));
        var tree = loaded.Tree!;
        var lines = tree.Dialogs.Values.SelectMany(d => d.Fields.Select(f => f.ListCommand).Append(d.DiscoverCommand).Concat(d.DiscoverAlso.Select(x => x.Command)).Append(d.Command))
            .Concat(tree.Selectors.Values.SelectMany(s => new[] { s.Field.ListCommand, s.ClassifyCommand }))
            .Where(l => l.Trim().Length > 0);
        return new SortedSet<string>(lines.Select(l => CommandCatalog.CommandNameOf(l)).OfType<string>(), StringComparer.Ordinal);
    }

    [Fact]
    public void The_walk_sees_every_command_name_of_the_tree()
    {
        // 88 when issue 17 was filed; names are added, not taken away, except cl_chlv1: a SMIT
        // fast path id the two Rename dialogs ran as a command by mistake (they now run cl_chlv -n).
        var names = MenuCommandNames();
        Assert.True(names.Count >= 87, $"only {names.Count} command names");
        Assert.DoesNotContain("cl_chlv1", names);
    }

    [Fact]
    public async Task Every_menu_command_run_alone_works_or_prints_its_usage()
    {
        await using var runtime = await Demo();
        var failures = new List<string>();
        foreach (var name in MenuCommandNames())
        {
            var r = await Run(runtime, name);
            var output = r.Stdout + r.Stderr;
            if (output.Contains("not found", StringComparison.Ordinal) || r.ExitCode == 127 || r.Nodes.Any(n => n.ExitCode == 127))
            {
                failures.Add($"{name}: not found: {output.Trim()}");
            }
            else if (r.ExitCode != 0 && !output.Contains("Usage:", StringComparison.Ordinal) && !KnownStateMessage(output))
            {
                failures.Add($"{name}: rc {r.ExitCode} without a usage message: {output.Trim()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>A utility that works and reports the cluster's state as PowerHA does when its
    /// services are stopped (clRGinfo: outputs §2.1 "Cluster IPC error").</summary>
    private static bool KnownStateMessage(string output) =>
        output.Contains("Cluster IPC error", StringComparison.Ordinal);
}
