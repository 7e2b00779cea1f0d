using Terminal.Gui.App;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// The colours the driver may send. SMIT's screens have none (the terminal's own foreground and
/// background, reverse video for the current item), and Terminal.Gui would send 24-bit colour
/// whatever TERM says: it is held to 16 colours unless COLORTERM says the terminal takes 24-bit
/// colour, and NO_COLOR (or --no-color, which sets it) leaves no colour at all.
/// </summary>
internal static class TerminalColours
{
    /// <summary>True when the terminal says it takes 24-bit colour and NO_COLOR is not set.</summary>
    public static bool TrueColour
    {
        get
        {
            if (Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
            {
                return false;
            }
            var colorTerm = Environment.GetEnvironmentVariable("COLORTERM");
            return string.Equals(colorTerm, "truecolor", StringComparison.OrdinalIgnoreCase)
                || string.Equals(colorTerm, "24bit", StringComparison.OrdinalIgnoreCase);
        }
    }

    public static void Apply(IApplication app)
    {
        if (app.Driver is { } driver && !TrueColour)
        {
            driver.Force16Colors = true;
        }
    }
}
