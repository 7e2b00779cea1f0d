using ClAdmin.Menus;
using ClAdmin.Menus.Model;

namespace ClAdmin.Tui.Screens;

/// <summary>What screens may ask of the session that holds them.</summary>
public interface IScreenHost
{
    /// <summary>Opens the screen a menu item, selector or fast path leads to.</summary>
    void Open(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues);

    void Push(Screen screen);

    /// <summary>Closes this screen (and any pop-up above it).</summary>
    void Close(Screen screen);

    /// <summary>Enter on a list: closes it, then hands on the pick, which may open the next screen
    /// (a fast path whose first screen is a pick list, as smitty cl_mklv); the session ends only
    /// when the pick opens none.</summary>
    void ClosePicked(Screen popup, Action pick);

    /// <summary>F4: the field's list (ring values, or its list command run through the dispatcher).</summary>
    void ShowList(Field field, IReadOnlyDictionary<string, string> nameValues, Action<string> pick);

    /// <summary>Enter on a selector: take the step to the next screen.</summary>
    void SelectorDone(Selector selector, string value, IReadOnlyDictionary<string, string> nameValues);

    /// <summary>Enter on a dialog: build, confirm when asked, run.</summary>
    void RunDialog(DialogValues values);

    /// <summary>F6 on a dialog.</summary>
    void ShowCommand(DialogValues values);

    void ShowMessage(string title, string text);
}
