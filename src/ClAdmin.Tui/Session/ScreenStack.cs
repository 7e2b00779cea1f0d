using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Session;

/// <summary>The screens open, bottom to top: the top full screen is drawn with the pop-ups above it.</summary>
internal sealed class ScreenStack
{
    private readonly List<Screen> _screens = [];

    public IReadOnlyList<Screen> Screens => _screens;

    public Screen? Top => _screens.Count > 0 ? _screens[^1] : null;

    /// <summary>The fast path of the top full screen (F8), empty when none.</summary>
    public string TopFastpath => _screens.LastOrDefault(s => !s.IsPopup)?.Fastpath ?? "";

    public void Push(Screen screen) => _screens.Add(screen);

    /// <summary>Closes <paramref name="screen"/> and everything above it; true when no screen is left.</summary>
    public bool Close(Screen screen)
    {
        var i = _screens.LastIndexOf(screen);
        if (i >= 0)
        {
            _screens.RemoveRange(i, _screens.Count - i);
        }
        return _screens.Count == 0;
    }

    public void Paint(ScreenBuffer buffer)
    {
        buffer.Clear();
        var bottom = _screens.FindLastIndex(s => !s.IsPopup);
        for (var i = Math.Max(0, bottom); i < _screens.Count; i++)
        {
            if (i > Math.Max(0, bottom))
            {
                buffer.Cursor = null;
                buffer.ClearHotspots(); // a pop-up takes the mouse, as it takes the keys
            }
            _screens[i].Paint(buffer);
        }
    }
}
