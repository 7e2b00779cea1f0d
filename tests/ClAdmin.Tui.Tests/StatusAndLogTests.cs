using ClAdmin.Contracts;
using ClAdmin.Menus.Model;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;
using NSubstitute;

namespace ClAdmin.Tui.Tests;

public sealed class StatusAndLogTests
{
    [Fact]
    public void Paging_a_long_output_shows_more_indicators_and_only_visible_lines()
    {
        var status = new StatusScreen("cat big");
        status.Complete(CommandResult.Local(0, string.Join("\n", Enumerable.Range(1, 100_000).Select(i => $"line {i}")) + "\n"));
        var host = Substitute.For<IScreenHost>();
        var buffer = Screens.Render(status);
        Assert.Equal("[TOP]", buffer.Line(6));
        Assert.Equal("line 1", buffer.Line(7));
        Assert.Equal("[MORE...99988]", buffer.Line(19));
        status.Handle(KeyPress.Of(KeyName.PageDown), null, host);
        buffer = Screens.Render(status);
        Assert.Equal("[MORE...10]", buffer.Line(6));
        Assert.Equal("line 11", buffer.Line(7));
        status.Handle(KeyPress.Of(KeyName.End), null, host);
        buffer = Screens.Render(status);
        Assert.Equal("line 100000", buffer.Line(18));
        Assert.Equal("[BOTTOM]", buffer.Line(19));
        Assert.True(status.Find("line 5000"));
        Assert.Equal("line 5000", Screens.Render(status).Line(7));
    }

    [Fact]
    public void A_secret_field_is_never_drawn()
    {
        var dialog = Screens.NodeDialog();
        var form = FormScreen.ForDialog(ClAdmin.Menus.DialogValues.Open(dialog), new Dictionary<string, string>());
        var host = Substitute.For<IScreenHost>();
        for (var i = 0; i < 12; i++)
        {
            form.Handle(KeyPress.Of(KeyName.Down), null, host);
        }
        Assert.True(form.CurrentField!.Secret);
        foreach (var c in "hunter2")
        {
            form.Handle(KeyPress.Text(c), null, host);
        }
        var screen = Screens.Render(form).ToString();
        Assert.DoesNotContain("hunter2", screen, StringComparison.Ordinal);
        Assert.Contains("  Node password                                      []                      ?", screen);
        Assert.Equal("hunter2", form.TextOf(form.CurrentField));
    }

    [Fact]
    public void Hex_fields_take_hex_digits_only_and_the_size_limit_holds()
    {
        var field = Screens.Field("w", "1", "Weight", EntryType.Hex) with { Size = 4 };
        var text = "";
        var cursor = 0;
        foreach (var c in "0xg1f2")
        {
            FieldEditor.Insert(field, ref text, ref cursor, c);
        }
        Assert.Equal("0x1f", text);
    }

    [Fact]
    public void The_log_and_script_use_smit_formats_and_say_when_secrets_were_left_out()
    {
        var dir = Directory.CreateTempSubdirectory("cladmin-log").FullName;
        try
        {
            var clock = new DateTimeOffset(2024, 3, 5, 10, 13, 1, TimeSpan.Zero);
            var log = new FileSessionLog(Path.Combine(dir, "cladmin.log"), Path.Combine(dir, "cladmin.script"), () => clock);
            log.Starting();
            log.Screen("Dialogue", "cl_mkuser", "cl_mkuser", "Add a User to the Cluster");
            log.Command("cl_chpasswd jdoe", 1, run: true);
            log.Output("changed\n", "", "OK");
            log.Exiting();
            Assert.Equal("#\n#  [Mar 05 2024, 10:13:01]\n#\n# reads 1 secret value(s) on standard input; not recorded\ncl_chpasswd jdoe\n",
                File.ReadAllText(Path.Combine(dir, "cladmin.script")));
            var text = File.ReadAllText(Path.Combine(dir, "cladmin.log"));
            Assert.Contains("(Dialogue screen selected,\n        FastPath = \"cl_mkuser\",", text, StringComparison.Ordinal);
            Assert.Contains("Command_to_Execute follows below:\n>> cl_chpasswd jdoe", text, StringComparison.Ordinal);
            Assert.Contains("---- start ----\nchanged\n---- end ----", text, StringComparison.Ordinal);
            Assert.EndsWith("[Mar 05 2024, 10:13:01]\n    Exiting cladmin\n", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
