using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>`cladmin run FASTPATH FIELD=VALUE ... --show`, run as a process, on the shipped menus.
/// Expected lines follow powerha-menus.md §4 and the C-SPOC syntax of §5.</summary>
public sealed class RunShowTests
{
    [Fact]
    public void Stop_cluster_services_on_one_node()
    {
        var r = CladminProcess.Run("run", "clstop", "nodes=node1", "--show");
        Assert.True(r.ExitCode == 0, r.Stderr);
        // cl_clstop -cspoc "-n node1" -y with now (-N), no broadcast (-s), bring RGs offline (-g).
        Assert.Equal("cl_clstop -cspoc \"-n node1\" -y '-N' '-s' '-g'", r.Stdout.TrimEnd());
    }

    [Fact]
    public void Start_and_stop_cluster_services_default_their_nodes_to_the_local_node()
    {
        // powerha-menus.md §4.1 and §4.2: "Start/Stop Cluster Services on these nodes [local node] +".
        // On the simulator the local node stands in as the first cluster node, or the one --node names.
        var dir = Directory.CreateTempSubdirectory("cladmin-run-").FullName;
        try
        {
            var db = Path.Combine(dir, "cladmin.db");
            var start = CladminProcess.Run("--db", db, "run", "clstart", "--show");
            Assert.True(start.ExitCode == 0, start.Stderr);
            Assert.StartsWith("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" ", start.Stdout, StringComparison.Ordinal);
            var stop = CladminProcess.Run("--db", db, "--node", "node2", "run", "clstop", "--show");
            Assert.True(stop.ExitCode == 0, stop.Stderr);
            Assert.Equal("cl_clstop -cspoc \"-n node2\" -y '-N' '-s' '-g'", stop.Stdout.TrimEnd());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Add_a_resource_group_generates_clmgr_with_policy_codes()
    {
        var r = CladminProcess.Run("run", "cm_add_grp", "rg_name=rg1", "participating_nodes=node1 node2", "fallback_policy=Never Fallback", "--show");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("clmgr add resource_group NODES='node1,node2' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='NFB' rg1", r.Stdout.TrimEnd());
    }

    [Fact]
    public void A_change_dialog_starts_from_the_discovered_values_and_sends_only_what_changed()
    {
        var dir = Directory.CreateTempSubdirectory("cladmin-run-").FullName;
        try
        {
            var db = Path.Combine(dir, "cladmin.db");
            Assert.Equal(0, CladminProcess.Run("--db", db, "cmd", "--", "cl_mkuser", "login=false", "jdoe").ExitCode);

            // cl_lsuser -c jdoe (the dialog's discover command) says login=false: true is a change,
            // false is not (before discovery ran, login=true was taken for the ring's default and dropped).
            var on = CladminProcess.Run("--db", db, "run", "cl_chuser", "user_name=jdoe", "login=true", "--show");
            Assert.True(on.ExitCode == 0, on.Stderr);
            Assert.Equal("cl_chuser login='true' jdoe", on.Stdout.TrimEnd());
            var same = CladminProcess.Run("--db", db, "run", "cl_chuser", "user_name=jdoe", "login=false", "shell=/usr/bin/bash", "--show");
            Assert.Equal("cl_chuser shell='/usr/bin/bash' jdoe", same.Stdout.TrimEnd());

            var missing = CladminProcess.Run("--db", db, "run", "cl_chuser", "user_name=nobody1", "--show");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("cl_lsuser -c 'nobody1'", missing.Stderr);
            Assert.Contains("3004-687 User \"nobody1\" does not exist.", missing.Stderr);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_selector_value_is_given_by_its_field_id()
    {
        var r = CladminProcess.Run("run", "cl_mkuser", "resource_group=rg1", "user_name=jdoe", "user_id=300", "--show");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("cl_mkuser -cspoc \"-g rg1\" id='300' jdoe", r.Stdout.TrimEnd());
    }

    [Fact]
    public void A_hostile_value_stays_one_argument()
    {
        var r = CladminProcess.Run("run", "cl_mkuser", "user_name=jdoe", "home=/home/x'; reboot; '", "--show");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("cl_mkuser home='/home/x'\\''; reboot; '\\''' jdoe", r.Stdout.TrimEnd());
    }

    [Fact]
    public void An_unknown_field_is_named_with_the_dialogs_fields()
    {
        var r = CladminProcess.Run("run", "cm_add_grp", "bogus=1", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("dialog cm_add_grp has no field 'bogus'; its fields are: rg_name,", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_value_is_named()
    {
        var r = CladminProcess.Run("run", "cm_add_grp", "rg_name=rg1", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("(participating_nodes) needs a value", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_ring_value_lists_the_choices()
    {
        var r = CladminProcess.Run("run", "clstop", "start_when=later", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("has no field 'start_when'", r.Stderr, StringComparison.Ordinal);
        r = CladminProcess.Run("run", "clstop", "stop_when=later", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'later' is not one of: now, restart, both", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_that_is_not_field_equals_value_is_named()
    {
        var r = CladminProcess.Run("run", "clstop", "node1", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'node1' is not FIELD=VALUE", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_menu_fastpath_cannot_be_run()
    {
        var r = CladminProcess.Run("run", "cl_admin", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("opens a menu", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_show_the_command_runs_on_the_demo_cluster_and_prints_command_status()
    {
        var dir = Directory.CreateTempSubdirectory("cladmin-run-");
        try
        {
            var db = Path.Combine(dir.FullName, "cladmin.db");
            var r = CladminProcess.Run("--db", db, "run", "cm_add_grp", "rg_name=rg3", "participating_nodes=node2 node1");
            Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
            // First run: the demo cluster is created and said so in one line.
            Assert.Matches("^cladmin: created the demo cluster 'demo_cluster' \\(node1, node2, simulated\\) in .*\n$", r.Stderr);
            Assert.StartsWith("COMMAND STATUS\n\nCommand: OK            stdout: no            stderr: no\n", r.Stdout, StringComparison.Ordinal);
            var q = CladminProcess.Run("--db", db, "cmd", "--", "clmgr", "query", "resource_group");
            Assert.Equal("rg1\nrg2\nrg3\n", q.Stdout);
            Assert.Equal("", q.Stderr);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_dialog_that_asks_needs_yes()
    {
        var r = CladminProcess.Run("run", "cm_rm_grp", "name=rg1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("asks ARE YOU SURE? before it runs (it is destructive); add --yes", r.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>Shipped menus skip the schema pass only when byte-identical; any other directory is
/// validated in full.</summary>
public sealed class MenuTrustTests
{
    [Fact]
    public void An_identical_copy_loads()
    {
        var dir = RepoPaths.CopyOfShippedMenus();
        try
        {
            var r = CladminProcess.Run("run", "clstop", "nodes=node1", "--show", "--menus", dir.FullName);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal("cl_clstop -cspoc \"-n node1\" -y '-N' '-s' '-g'", r.Stdout.TrimEnd());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_changed_copy_is_validated_against_the_schema()
    {
        var dir = RepoPaths.CopyOfShippedMenus();
        try
        {
            var path = Path.Combine(dir.FullName, "cspoc.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"title\": \"Stop Cluster Services\"", "\"title\": \"Stop Cluster Services\", \"colour\": \"red\"", StringComparison.Ordinal));
            var r = CladminProcess.Run("run", "clstop", "nodes=node1", "--show", "--menus", dir.FullName);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("the menus do not load", r.Stderr, StringComparison.Ordinal);
            var check = CladminProcess.Run("menus", "check", "--menus", dir.FullName);
            Assert.Equal(2, check.ExitCode);
            Assert.Matches(@"cspoc\.json:\d+: /dialogs/\d+/colour: unknown property 'colour'", check.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
