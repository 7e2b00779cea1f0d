namespace ClAdmin.Tui.Input;

/// <summary>
/// The one key table. The legend at the bottom of each screen is drawn from <see cref="Legend"/>
/// and the handler resolves keys with <see cref="Resolve"/>, which only answers actions that the
/// screen's legend shows: what you see is what the keys do. The legend order is designed
/// (smit.md §4.2), not sorted.
/// </summary>
public static class KeyTable
{
    private static readonly Dictionary<UiAction, KeyBinding> Bindings = new KeyBinding[]
    {
        new(KeyPress.Of(KeyName.F1), UiAction.Help, "F1=Help"),
        new(KeyPress.Of(KeyName.F2), UiAction.Refresh, "F2=Refresh"),
        new(KeyPress.Of(KeyName.F3), UiAction.Cancel, "F3=Cancel"),
        new(KeyPress.Of(KeyName.F4), UiAction.List, "F4=List"),
        new(KeyPress.Of(KeyName.F5), UiAction.Reset, "F5=Reset"),
        new(KeyPress.Of(KeyName.F6), UiAction.Command, "F6=Command"),
        new(KeyPress.Of(KeyName.F7), UiAction.Edit, "F7=Edit"),
        new(KeyPress.Of(KeyName.F7), UiAction.Select, "F7=Select"),
        new(KeyPress.Of(KeyName.F8), UiAction.Image, "F8=Image"),
        new(KeyPress.Of(KeyName.F9), UiAction.Shell, "F9=Shell"),
        new(KeyPress.Of(KeyName.F10), UiAction.Exit, "F10=Exit"),
        new(KeyPress.Of(KeyName.Enter), UiAction.Do, "Enter=Do"),
        new(KeyPress.Text('/'), UiAction.Find, "/=Find"),
        new(KeyPress.Text('n'), UiAction.FindNext, "n=Find Next"),
        new(KeyPress.Of(KeyName.F5), UiAction.RerunFailed, "F5=Rerun Failed"),
    }.ToDictionary(b => b.Action);

    private static readonly Dictionary<ScreenKind, UiAction[][]> Legends = new()
    {
        [ScreenKind.Menu] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel, UiAction.Image],
            [UiAction.Shell, UiAction.Exit, UiAction.Do],
        ],
        [ScreenKind.Dialog] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel, UiAction.List],
            [UiAction.Reset, UiAction.Command, UiAction.Edit, UiAction.Image],
            [UiAction.Shell, UiAction.Exit, UiAction.Do],
        ],
        [ScreenKind.CommandStatus] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel, UiAction.Command],
            [UiAction.Image, UiAction.Shell, UiAction.Exit, UiAction.Find],
            [UiAction.FindNext],
        ],
        [ScreenKind.CommandStatusWithFailedNodes] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel, UiAction.Command],
            [UiAction.Image, UiAction.Shell, UiAction.Exit, UiAction.Find],
            [UiAction.FindNext, UiAction.RerunFailed],
        ],
        [ScreenKind.SingleList] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel],
            [UiAction.Image, UiAction.Exit, UiAction.Do],
            [UiAction.Find, UiAction.FindNext],
        ],
        [ScreenKind.MultiList] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel],
            [UiAction.Select, UiAction.Image, UiAction.Exit],
            [UiAction.Do, UiAction.Find, UiAction.FindNext],
        ],
        [ScreenKind.Message] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel],
            [UiAction.Image, UiAction.Exit, UiAction.Do],
        ],
        [ScreenKind.FindPrompt] =
        [
            [UiAction.Help, UiAction.Refresh, UiAction.Cancel],
            [UiAction.Image, UiAction.Exit, UiAction.Do],
        ],
    };

    /// <summary>
    /// Actions a screen offers without a label, where SMIT's designed legend has no room:
    /// find in menus (the issue asks for it; smit.md §4.2's menu legend does not show it).
    /// </summary>
    private static readonly Dictionary<ScreenKind, UiAction[]> Unlabelled = new()
    {
        [ScreenKind.Menu] = [UiAction.Find, UiAction.FindNext],
    };

    /// <summary>The legend rows of a screen kind, as labels.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Legend(ScreenKind kind) =>
        Legends[kind].Select(row => (IReadOnlyList<string>)row.Select(a => Bindings[a].Label).ToList()).ToList();

    /// <summary>The legend rows of a screen kind, as bindings (the key a click on a label stands for).</summary>
    public static IReadOnlyList<IReadOnlyList<KeyBinding>> LegendKeys(ScreenKind kind) =>
        Legends[kind].Select(row => (IReadOnlyList<KeyBinding>)row.Select(a => Bindings[a]).ToList()).ToList();

    /// <summary>The action a key stands for on a screen of this kind, or null (navigation, typing, or not offered here).</summary>
    public static UiAction? Resolve(ScreenKind kind, KeyPress key)
    {
        if (key.Name == KeyName.Redraw)
        {
            return UiAction.Refresh; // Ctrl-L: the compatibility alias of F2
        }
        foreach (var row in Legends[kind].Append(Unlabelled.GetValueOrDefault(kind, [])))
        {
            foreach (var action in row)
            {
                if (Bindings[action].Key == key)
                {
                    return action;
                }
            }
        }
        return null;
    }

    /// <summary>The binding of an action (its key and label).</summary>
    public static KeyBinding Of(UiAction action) => Bindings[action];
}
