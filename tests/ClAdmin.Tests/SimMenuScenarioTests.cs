using ClAdmin.Contracts;

namespace ClAdmin.Tests;

/// <summary>
/// Issue 19 §4: the commands of the Cluster Simulation dialogs (menus/cluster-simulation.json),
/// <c>clsim SUBCOMMAND</c>, run through the runtime's one dispatcher as the screens, <c>cladmin
/// run</c> and <c>cladmin cmd</c> run them, doing what <c>cladmin sim SUBCOMMAND</c> does.
/// </summary>
public sealed class SimMenuScenarioTests : DemoScenario
{
    private static async Task<CommandResult> Fails(Runtime runtime, string line, int rc)
    {
        var r = await Run(runtime, line);
        Assert.True(r.ExitCode == rc, $"{line}: rc {r.ExitCode} (expected {rc})\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Clsim_alone_or_with_a_bad_subcommand_prints_its_usage()
    {
        await using var runtime = await Demo();
        Assert.Contains("Usage: clsim", (await Fails(runtime, "clsim", 2)).Stderr, StringComparison.Ordinal);
        var bad = await Fails(runtime, "clsim explode node1", 2);
        Assert.Contains("explode", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: clsim", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("no node node9", (await Fails(runtime, "clsim fail node node9", 2)).Stderr, StringComparison.Ordinal);
        Assert.Contains("'soon' is not a duration", (await Fails(runtime, "clsim clock soon", 2)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_is_listed_started_and_checked_from_the_dialogs()
    {
        await using var runtime = await Demo();
        // F4 of Start a Lesson: one lesson a line, its name first (the value picked).
        var list = Lines(await Ok(runtime, "clsim lesson list"));
        Assert.Contains(list, l => l.StartsWith("02-start-services ", StringComparison.Ordinal));
        Assert.Equal(list.Length, LessonNames().Count);

        var started = await Ok(runtime, "clsim lesson start 02-start-services");
        Assert.Contains("Tasks:", started, StringComparison.Ordinal);
        Assert.Contains("When you think a task is done: cladmin lesson check", started, StringComparison.Ordinal);

        var before = await Fails(runtime, "clsim lesson check", 1);
        Assert.Contains("Task 1, not yet", before.Stdout, StringComparison.Ordinal);

        // The lesson's first task from the screens' own line, through this same runtime (the world it
        // caches was replaced by the start underneath it).
        await Ok(runtime, "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" '-N' '-A' '-b' -C 'interactive'");
        var after = await Fails(runtime, "clsim lesson check", 1);
        Assert.Contains("Task 1, done", after.Stdout, StringComparison.Ordinal);
        Assert.Contains("Task 2, not yet", after.Stdout, StringComparison.Ordinal);
        Assert.Contains("Usage: clsim", (await Fails(runtime, "clsim lesson start", 2)).Stderr, StringComparison.Ordinal);
    }

    private static List<string> LessonNames() =>
        [.. System.IO.Directory.GetFiles(Path.Combine(ClAdmin.Testing.RepoPaths.Root, "lessons"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f))];

    [Fact]
    public async Task The_target_list_names_what_each_fault_kind_acts_on()
    {
        await using var runtime = await Started();
        var targets = Lines(await Ok(runtime, "clsim targets")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        string Kinds(string target) => string.Join(' ', targets.Single(t => t[0] == target).Skip(1));
        Assert.Equal("node hang", Kinds("node1"));
        Assert.Equal("node hang", Kinds("node2"));
        Assert.Equal("interface", Kinds("node1:en0"));
        Assert.Equal("network", Kinds("net_ether_01"));
        Assert.Equal("disk", Kinds("lun01"));
        // rg1's application runs on node1 once services are started (the demo's app1, DemoWorld.Layout).
        Assert.Equal("app", Kinds("node1:app1"));
        // Nothing is broken yet: the list of faults to repair is empty.
        Assert.Equal("", await Ok(runtime, "clsim targets -f"));
    }

    [Fact]
    public async Task Inject_a_node_failure_see_the_fallover_on_the_status_then_repair_it()
    {
        await using var runtime = await Started();
        var status = await Ok(runtime, "clsim status");
        Assert.Contains(Lines(status), l => l.StartsWith("rg1 ", StringComparison.Ordinal) && l.Contains("ONLINE", StringComparison.Ordinal) && l.EndsWith("node1", StringComparison.Ordinal));

        // The dialog's line (cladmin run cl_sim_fail kind=node target=node1 --show).
        var failed = await Ok(runtime, "clsim fail node node1");
        Assert.Contains("EVENT COMPLETED: node_down node1", failed, StringComparison.Ordinal);
        Assert.Contains("rg1:ONLINE:node2", await Groups(runtime));

        status = await Ok(runtime, "clsim status");
        var lines = Lines(status);
        Assert.Contains(lines, l => l.StartsWith("rg1 ", StringComparison.Ordinal) && l.Contains("ONLINE", StringComparison.Ordinal) && l.EndsWith("node2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Node: node1", StringComparison.Ordinal) && l.Contains("State: DOWN", StringComparison.Ordinal) && l.Contains("(crashed)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Node: node2", StringComparison.Ordinal) && l.Contains("State: UP", StringComparison.Ordinal));
        Assert.Contains("Faults: node node1", lines);
        Assert.Contains(lines, l => l.StartsWith("  node2: ", StringComparison.Ordinal) && l.EndsWith("EVENT COMPLETED: node_down node1 0", StringComparison.Ordinal));
        Assert.Equal(["node1 node"], Lines(await Ok(runtime, "clsim targets -f")).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

        Assert.Contains("node node1 repaired", await Ok(runtime, "clsim repair node node1"), StringComparison.Ordinal);
        Assert.Equal("", await Ok(runtime, "clsim targets -f"));
    }

    [Fact]
    public async Task What_if_changes_nothing_and_step_mode_waits_for_step_and_settle()
    {
        await using var runtime = await Started();
        var forecast = await Ok(runtime, "clsim whatif node node2");
        Assert.Contains("node_down node2", forecast, StringComparison.Ordinal);
        Assert.Contains("rg2:ONLINE:node2", await Groups(runtime));

        Assert.Equal("#mode\nauto\n", await Ok(runtime, "clsim mode -c"));
        Assert.Contains("Simulator event mode: step", await Ok(runtime, "clsim mode step"), StringComparison.Ordinal);
        Assert.Equal("#mode\nstep\n", await Ok(runtime, "clsim mode -c"));
        await Ok(runtime, "clsim fail node node2");
        // In step mode the events wait: nothing has moved yet.
        Assert.Contains("rg2:ONLINE:node2", await Groups(runtime));
        Assert.Contains("Settled in", await Ok(runtime, "clsim settle"), StringComparison.Ordinal);
        Assert.Contains("rg2:ONLINE:node1", await Groups(runtime));
        Assert.Contains("No cluster event is waiting.", await Ok(runtime, "clsim step"), StringComparison.Ordinal);
        Assert.Contains("Simulated clock:", await Ok(runtime, "clsim clock 1m"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_shows_what_another_cladmin_changed()
    {
        await using var screens = await Started();
        Assert.Contains(Lines(await Ok(screens, "clsim status")), l => l.StartsWith("rg1 ", StringComparison.Ordinal) && l.EndsWith("node1", StringComparison.Ordinal));
        // Another cladmin (here a second runtime on the same database) injects the fault.
        await using (var other = await Demo())
        {
            await Ok(other, "clsim fail node node1");
        }
        Assert.Contains(Lines(await Ok(screens, "clsim status")), l => l.StartsWith("rg1 ", StringComparison.Ordinal) && l.EndsWith("node2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scenario_file_runs_on_a_database_of_its_own()
    {
        await using var runtime = await Demo();
        var file = Path.Combine(Testing.RepoPaths.Root, "scenarios", "s1-cluster-start.json");
        Assert.True(File.Exists(file), file);
        var r = await Ok(runtime, "clsim scenario " + ClAdmin.Shell.ShellWords.Quote(file));
        Assert.Contains("PASS", r, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", r, StringComparison.Ordinal);
        Assert.Contains("Usage: clsim", (await Fails(runtime, "clsim scenario", 2)).Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such.json", (await Fails(runtime, "clsim scenario /nonexistent/no-such.json", 2)).Stderr, StringComparison.Ordinal);
    }
}
