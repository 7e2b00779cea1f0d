using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>
/// One screen's state: what it shows and how keys change it. Screens never draw to a terminal
/// and never run anything: they paint into a <see cref="ScreenBuffer"/> and ask the
/// <see cref="IScreenHost"/> for what needs the outside world (opening screens, lists, commands).
/// </summary>
public abstract class Screen
{
    public abstract ScreenKind Kind { get; }

    public abstract string Title { get; }

    /// <summary>A pop-up is drawn over the screen below it.</summary>
    public virtual bool IsPopup => false;

    /// <summary>The fast path F8 shows ("" when the screen has none).</summary>
    public virtual string Fastpath => "";

    /// <summary>The help text F1 shows: of the current item or field, else of the screen.</summary>
    public virtual string HelpText => "";

    public abstract void Paint(ScreenBuffer buffer);

    /// <summary>
    /// Handles a key; <paramref name="action"/> is what the key table made of it on this screen.
    /// Returns false to let the host apply its common meaning (F1, F3, F8, F9, F10, ...).
    /// </summary>
    public abstract bool Handle(KeyPress key, UiAction? action, IScreenHost host);

    /// <summary>Moves to the next line containing <paramref name="text"/> (case-insensitive); false when none.</summary>
    public virtual bool Find(string text) => false;
}
