using ClAdmin.Tui.Input;
using Terminal.Gui.Input;

namespace ClAdmin.Tui.Tests;

public sealed class KeyTests
{
    // Keys as Terminal.Gui's driver delivers them.
    private static Key K(char c, bool alt = false, bool ctrl = false)
    {
        Key key = c == '\e' ? Key.Esc : new Key(c);
        key = ctrl ? new Key(char.ToUpperInvariant(c)).WithCtrl : key;
        return alt ? key.WithAlt : key;
    }

    [Theory]
    [InlineData('1', KeyName.F1)]
    [InlineData('4', KeyName.F4)]
    [InlineData('0', KeyName.F10)]
    public void Esc_then_a_digit_is_that_function_key(char digit, KeyName expected)
    {
        var decoder = new TerminalKeys();
        Assert.Null(decoder.Map(K('\e')));
        Assert.Equal(KeyPress.Of(expected), decoder.Map(K(digit)));
    }

    [Fact]
    public void Esc_digit_read_together_arrives_as_alt_digit_and_is_folded_too()
    {
        Assert.Equal(KeyPress.Of(KeyName.F3), new TerminalKeys().Map(K('3', alt: true)));
    }

    [Fact]
    public void Control_keys_follow_smit_compatibility_aliases()
    {
        var decoder = new TerminalKeys();
        Assert.Equal(KeyPress.Of(KeyName.Redraw), decoder.Map(K('l', ctrl: true)));
        Assert.Equal(KeyPress.Of(KeyName.Interrupt), decoder.Map(K('c', ctrl: true)));
        Assert.Equal(KeyPress.Of(KeyName.PageDown), decoder.Map(K('v', ctrl: true)));
        Assert.Equal(KeyPress.Text('n'), decoder.Map(K('n')));
    }

    [Fact]
    public void The_legend_and_the_handler_read_the_same_table()
    {
        Assert.Equal(["F1=Help", "F2=Refresh", "F3=Cancel", "F4=List"], KeyTable.Legend(ScreenKind.Dialog)[0]);
        Assert.Equal(UiAction.List, KeyTable.Resolve(ScreenKind.Dialog, KeyPress.Of(KeyName.F4)));
        // A key the screen's legend does not offer does nothing there: no F4 on a menu, no F9 in a pop-up.
        Assert.Null(KeyTable.Resolve(ScreenKind.Menu, KeyPress.Of(KeyName.F4)));
        Assert.Null(KeyTable.Resolve(ScreenKind.SingleList, KeyPress.Of(KeyName.F9)));
        // F7 is Edit in a dialog and Select in a multi-select list, as each legend says.
        Assert.Equal(UiAction.Edit, KeyTable.Resolve(ScreenKind.Dialog, KeyPress.Of(KeyName.F7)));
        Assert.Equal(UiAction.Select, KeyTable.Resolve(ScreenKind.MultiList, KeyPress.Of(KeyName.F7)));
        // '/' is typed text in a dialog but Find in COMMAND STATUS.
        Assert.Null(KeyTable.Resolve(ScreenKind.Dialog, KeyPress.Text('/')));
        Assert.Equal(UiAction.Find, KeyTable.Resolve(ScreenKind.CommandStatus, KeyPress.Text('/')));
        Assert.Equal(UiAction.Refresh, KeyTable.Resolve(ScreenKind.Message, KeyPress.Of(KeyName.Redraw)));
    }
}
