using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>`cladmin menus check|tree|show`, run as a process.</summary>
public sealed class MenusCommandTests
{
    [Fact]
    public void Check_of_the_shipped_menus_exits_0_with_counts()
    {
        var r = CladminProcess.Run("menus", "check");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"^ok: \d+ menus, \d+ selectors, \d+ dialogs, \d+ fields, \d+ aliases, \d+ fast paths", r.Stdout);
    }

    [Fact]
    public void Check_of_a_broken_directory_exits_2_naming_file_pointer_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("cladmin-menus-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "top.json"), """
                {
                  "menus": [
                    { "id": "top", "title": "Top",
                      "items": [ { "sequence": "010", "text": "Go", "nextType": "dialog", "next": "nowhere" } ] }
                  ]
                }
                """);
            var r = CladminProcess.Run("menus", "check", "--menus", dir.FullName);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("top.json:4: /menus/0/items/0/next: menu top: next id 'nowhere' does not name any dialog", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("1 error(s)", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private const string TopMenu = """
        {
          "menus": [
            { "id": "top", "title": "Top",
              "items": [ { "sequence": "010", "text": "Only words", "nextType": "info" } ] }
          ]
        }
        """;

    private static ProcessResult CheckWith(Action<string> arrange)
    {
        var dir = Directory.CreateTempSubdirectory("cladmin-menus-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "top.json"), TopMenu);
            arrange(dir.FullName);
            return CladminProcess.Run("menus", "check", "--menus", dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_refuses_a_link_to_a_device_naming_the_file()
    {
        var r = CheckWith(dir => File.CreateSymbolicLink(Path.Combine(dir, "null.json"), "/dev/null"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("null.json: not a regular file (a character device); a menu file must be a regular file", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_a_fifo_without_waiting_for_a_writer()
    {
        var r = CheckWith(dir =>
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(dir, "pipe.json"));
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        });
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("pipe.json: not a regular file (a FIFO); a menu file must be a regular file", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_follows_a_link_to_a_regular_file()
    {
        var r = CheckWith(dir =>
        {
            File.Move(Path.Combine(dir, "top.json"), Path.Combine(dir, "top.real"));
            File.CreateSymbolicLink(Path.Combine(dir, "top.json"), "top.real");
        });
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void Check_refuses_a_menu_file_over_the_size_limit()
    {
        // 5 MB of blanks inside otherwise valid JSON.
        var r = CheckWith(dir => File.WriteAllText(Path.Combine(dir, "big.json"), "{" + new string(' ', 5 * 1024 * 1024) + "}"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("big.json: 5242882 bytes, more than the 4194304 bytes (4 MB) a menu file may hold", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_a_menu_title_longer_than_smits_1024_characters()
    {
        var r = CheckWith(dir => File.WriteAllText(Path.Combine(dir, "top.json"), TopMenu.Replace("\"Top\"", "\"" + new string('T', 1025) + "\"", StringComparison.Ordinal)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("top.json:3: /menus/0/title: value is longer than 1024 characters", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_missing_directory_exits_2()
    {
        var r = CladminProcess.Run("menus", "check", "--menus", "/nonexistent/menus");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/nonexistent/menus", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tree_prints_the_hacmp_tree_with_fastpaths()
    {
        var r = CladminProcess.Run("menus", "tree");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n');
        Assert.Equal("HACMP for AIX  [hacmp]", lines[0]);
        Assert.Contains("  System Management (C-SPOC)  [cl_admin]", lines);
        Assert.Contains(lines, l => l.StartsWith("      Start Cluster Services  [clstart] -> ", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_lists_a_dialogs_fields()
    {
        var r = CladminProcess.Run("menus", "show", "clstop");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("Dialog clstop: Stop Cluster Services", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  ID\s+LABEL\s+TYPE\s+DEFAULT\s+REQUIRED\s+PREFIX\n", r.Stdout);
        Assert.Contains("Stop now, on system restart or both", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_of_an_unknown_fastpath_exits_2_naming_it()
    {
        var r = CladminProcess.Run("menus", "show", "no_such_screen");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'no_such_screen'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verb_is_a_usage_error()
    {
        var r = CladminProcess.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("frobnicate", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var r = CladminProcess.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0.1.0", r.Stdout.Trim());
    }
}
