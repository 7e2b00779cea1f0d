using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// Issue 18 §4: `cladmin run FASTPATH` reads only the menu files its fast path needs when the
/// menus are the shipped ones; what it prints, and every error of a broken menu directory, stay
/// as they were (`cladmin menus check` names the file and the line).
/// </summary>
public sealed class RunMenuLoadTests
{
    [Fact]
    public void An_unknown_fast_path_is_named()
    {
        var r = CladminProcess.Run("run", "no_such_screen", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("cladmin run: no screen has the fast path 'no_such_screen'", r.Stderr.TrimEnd());
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_menu_is_not_a_dialog()
    {
        var r = CladminProcess.Run("run", "hacmp", "--show");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("cladmin run: 'hacmp' opens a menu (", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dialogs_of_different_files_build_their_commands()
    {
        // cspoc.json: Stop Cluster Services (powerha-menus.md §4.2); extended.json: Add a Resource Group (clmgr add resource_group).
        var stop = CladminProcess.Run("run", "clstop", "nodes=node1", "--show");
        Assert.True(stop.ExitCode == 0, stop.Stderr);
        Assert.Equal("cl_clstop -cspoc \"-n node1\" -y '-N' '-s' '-g'", stop.Stdout.TrimEnd());
        var group = CladminProcess.Run("run", "cm_add_grp", "rg_name=rg1", "participating_nodes=node1 node2", "--show");
        Assert.True(group.ExitCode == 0, group.Stderr);
        Assert.StartsWith("clmgr add resource_group NODES='node1,node2' ", group.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_file_holding_the_fast_path_stops_the_run_and_menus_check_names_it()
    {
        var dir = RepoPaths.CopyOfShippedMenus();
        try
        {
            var path = Path.Combine(dir.FullName, "cspoc.json");
            File.WriteAllText(path, File.ReadAllText(path)[..1000]); // cut short: not valid JSON
            var r = CladminProcess.Run("run", "clstop", "nodes=node1", "--show", "--menus", dir.FullName);
            Assert.Equal(2, r.ExitCode);
            Assert.Matches(@"^cladmin: the menus do not load \(\d+ error\(s\)\); run 'cladmin menus check' for the list\n$", r.Stderr);
            Assert.Equal("", r.Stdout);
            var check = CladminProcess.Run("menus", "check", "--menus", dir.FullName);
            Assert.Equal(2, check.ExitCode);
            Assert.Matches(@"^cspoc\.json:\d+: : not valid JSON: ", check.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
