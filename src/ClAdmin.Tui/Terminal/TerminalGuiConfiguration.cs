using System.Runtime.CompilerServices;
using Terminal.Gui.Configuration;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// Terminal.Gui's configuration (its built-in settings merged with ~/.tui/config.json and the
/// like, applied to its static defaults: drivers, keys, themes), set up when the screens open.
/// Terminal.Gui does it in a module initializer, and a native program runs every module
/// initializer before Main: every cladmin command (--version, cmd, run) paid for it. The native
/// build replaces that initializer's body with nothing (src/ClAdmin/TerminalGui.Substitutions.xml)
/// and the screens call <see cref="EnsureApplied"/> instead, which does what it did. Under the
/// JIT (cladmin.dll, the tests) the runtime runs the initializer itself, when Terminal.Gui is
/// first used, so there is nothing left to do.
/// </summary>
public static class TerminalGuiConfiguration
{
    private static bool _applied;

    /// <summary>Applies Terminal.Gui's configuration once, before its application object is created.</summary>
    public static void EnsureApplied()
    {
        if (_applied)
        {
            return;
        }
        _applied = true;
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            return; // not the native build: the module initializer ran
        }
        try
        {
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        }
#pragma warning disable CA1031 // as Terminal.Gui's initializer: a bad config file leaves its defaults
        catch (Exception e)
#pragma warning restore CA1031
        {
            TuiJsonErrors.Add($"Applying configuration failed: {e.Message}. Running with default settings.");
        }
    }
}
