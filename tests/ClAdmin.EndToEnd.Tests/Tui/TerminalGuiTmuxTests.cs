using System.Text.RegularExpressions;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// What the screens gain from Terminal.Gui (issue 18 §1), in the real cladmin under tmux: the
/// mouse (an item, a field, a legend key), SMIT's Esc+digit and Alt+digit, no colour beyond what
/// SMIT has (reverse video) whatever TERM says and none at all under NO_COLOR, and a resize in
/// the middle of a dialog that keeps what was typed.
/// </summary>
public sealed partial class TerminalGuiTmuxTests
{
    [Fact]
    public void A_click_picks_a_menu_item_a_second_opens_it_and_a_legend_label_is_its_key()
    {
        using var t = new TmuxTerminal("-x");
        t.WaitFor("F9=Shell            F10=Exit            Enter=Do");
        // Row 6 holds "  System Management (C-SPOC)" (items from row 4, smit.md §3.1).
        t.Click(5, 6);
        t.WaitUntil(s => s.Contains("\e[7mSystem Management (C-SPOC)", StringComparison.Ordinal), "the clicked item in reverse video",
            getScreen: t.ScreenWithAttributes);
        t.Click(5, 6);
        t.WaitFor("HACMP Security and Users Management");
        // "F3=Cancel" is at column 40 of the last-but-one row (the legend's 4-column grid).
        t.Click(41, 22);
        t.WaitFor("Problem Determination Tools");
        t.Click(21, 23); // F10=Exit
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void A_click_on_a_field_makes_it_the_one_typed_into()
    {
        using var t = new TmuxTerminal("-x cl_mkuser");
        var dialog = t.WaitFor("Type or select values in entry fields.");
        var rows = dialog.Split('\n');
        var userId = Array.FindIndex(rows, r => r.Contains("User ID", StringComparison.Ordinal));
        Assert.True(userId > 0, dialog);
        t.Click(10, userId);
        t.Type("301");
        var typed = t.WaitFor("[301]");
        Assert.Contains("User ID", typed.Split('\n')[userId]);
        Assert.Contains("[301]", typed.Split('\n')[userId]);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void Esc_then_a_digit_and_Alt_digit_are_the_function_keys_sent_together_or_apart()
    {
        using var t = new TmuxTerminal("-x cl_mkuser");
        t.WaitFor("Type or select values in entry fields.");
        t.Keys("Down");
        t.Type("jdoe");
        t.WaitFor("[jdoe]");
        // Esc, then (later) 6: F6 shows the command.
        t.Keys("Escape");
        Thread.Sleep(300);
        t.Keys("6");
        t.WaitFor("SHOW COMMAND STRING");
        // Esc and 3 in one write (as a terminal's Meta key sends Alt+3): F3 closes the pop-up.
        t.Keys("M-3");
        t.WaitUntil(s => !s.Contains("SHOW COMMAND STRING", StringComparison.Ordinal), "the pop-up closed");
        t.Keys("M-6");
        t.WaitFor("cl_mkuser jdoe");
        t.Keys("Escape", "3");
        t.WaitUntil(s => !s.Contains("SHOW COMMAND STRING", StringComparison.Ordinal), "the pop-up closed");
        // Esc alone is not Terminal.Gui's quit key here: the dialog stays, with what was typed.
        t.Keys("Escape");
        Thread.Sleep(300);
        t.Keys("Escape");
        Thread.Sleep(300);
        Assert.Contains("[jdoe]", t.WaitFor("Type or select values in entry fields."));
        t.Keys("M-0"); // Alt+0 = F10
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Theory]
    [InlineData("NO_COLOR=1", "TERM=xterm-256color", "COLORTERM=truecolor")]
    [InlineData("TERM=xterm")]
    public void No_colour_reaches_the_terminal_only_reverse_video(params string[] environment)
    {
        using var t = new TmuxTerminal("-x cl_users", environment: environment);
        t.WaitFor("Users in an HACMP cluster");
        t.Keys("Down");
        var screen = t.WaitUntil(s => s.Contains("\e[7m", StringComparison.Ordinal), "the current item in reverse video", getScreen: t.ScreenWithAttributes);
        // Any SGR that sets a colour: 30-37, 40-47, 90-97, 100-107, or 38;/48; (256 or 24-bit).
        var colours = Colour().Matches(screen).Select(m => m.Value).ToList();
        Assert.True(colours.Count == 0, $"colour sequences {string.Join(", ", colours)} in:\n{screen}");
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void Resizing_in_the_middle_of_a_dialog_keeps_what_was_typed_and_the_layout()
    {
        using var t = new TmuxTerminal("-x cl_mkuser");
        t.WaitFor("Type or select values in entry fields.");
        t.Keys("Down");
        t.Type("jdoe");
        t.WaitFor("[jdoe]");
        t.Resize(100, 30);
        var wide = t.WaitUntil(s => s.Split('\n').Length >= 30 && s.Split('\n')[29].StartsWith("F9=Shell                 F10=Exit", StringComparison.Ordinal),
            "the dialog's legend on row 30 at 100 columns");
        Assert.Contains("* User NAME                                          [jdoe]", wide);
        t.Resize(60, 20);
        t.WaitFor("cladmin needs at least 80x24");
        t.Type("x"); // typing goes on while the screen is too small to show it
        t.Resize(80, 24);
        var back = t.WaitUntil(s => s.Split('\n')[23].StartsWith("F9=Shell            F10=Exit", StringComparison.Ordinal), "the legend on row 24 at 80 columns");
        Assert.Contains("[TOP]                                                   [Entry Fields]", back);
        Assert.Contains("* User NAME                                          [jdoex]", back);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [GeneratedRegex(@"\e\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(?:;[0-9;]*)?m")]
    private static partial Regex Colour();
}
