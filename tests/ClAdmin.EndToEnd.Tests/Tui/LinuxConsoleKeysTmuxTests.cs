namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// The Linux console's function keys (issue 18 §1): its terminal sends F1-F5 as ESC [ [ A ..
/// ESC [ [ E (terminfo "linux": kf1=\E[[A ... kf5=\E[[E), sequences no xterm sends, which
/// Terminal.Gui's ANSI parser does not know. The raw bytes go in through tmux as the console
/// would send them, and each key does on the screens what it does everywhere else.
/// </summary>
public sealed class LinuxConsoleKeysTmuxTests
{
    [Fact]
    public void The_consoles_F1_to_F5_sequences_are_the_function_keys()
    {
        using var t = new TmuxTerminal("-x cl_rmuser", environment: "TERM=linux");
        t.WaitFor("Remove a User from the Cluster");
        t.Type("\e[[D"); // F4: the list of the field (the demo cluster's groups)
        var list = t.WaitFor("rg2");
        Assert.Contains("rg1", list);
        t.Type("\e[[C"); // F3: the list closes
        t.WaitUntil(s => !s.Contains("rg2", StringComparison.Ordinal), "the list closed");
        t.Type("\e[[A"); // F1: the help of the current field
        t.WaitFor("Resource group whose participating nodes the command runs on.");
        t.Type("\e[[C");
        t.WaitUntil(s => !s.Contains("Resource group whose", StringComparison.Ordinal), "the help closed");
        t.Keys("Down");
        t.Type("jdoe");
        t.WaitFor("[jdoe]");
        t.Type("\e[[E"); // F5: the field back to its initial value
        var reset = t.WaitFor("* User NAME                                          []");
        Assert.DoesNotContain("[[E", reset);
        t.Type("\e[[B"); // F2: redraw (the screen stays the dialog)
        t.Type("\e[[C"); // F3 on the dialog: back out of cladmin (cl_rmuser was the first screen)
        t.WaitFor("CLADMIN-EXIT=0");
    }
}
