using System.Runtime.CompilerServices;
using Terminal.Gui.Configuration;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// Terminal.Gui's configuration (its built-in settings merged with ~/.tui/config.json and the
/// like, applied to its static defaults: drivers, keys, themes), set up when the screens open.
/// Terminal.Gui does it in a module initializer, and a native program runs every module
/// initializer before Main: every cladmin command (--version, cmd, run) paid for it. The native
/// build replaces that initializer's body with nothing (src/ClAdmin/TerminalGui.Substitutions.xml)
/// and the screens call <see cref="EnsureApplied"/> instead, which does what it did. That work is a
/// third of the CPU time to the first frame (binding the themes enumerates every key of the
/// configuration many times over), so <see cref="StartApplying"/> starts it on another thread
/// while cladmin loads its menus. Under the JIT (cladmin.dll, the tests) the runtime runs the
/// initializer itself, when Terminal.Gui is first used, so there is nothing left to do.
/// </summary>
public static class TerminalGuiConfiguration
{
    private static readonly Lazy<Task> Applying = new(() =>
        RuntimeFeature.IsDynamicCodeSupported ? Task.CompletedTask : Task.Run(Apply));

    /// <summary>Starts applying the configuration on another thread (the screens are about to open).</summary>
    public static void StartApplying() => _ = Applying.Value;

    /// <summary>Applies Terminal.Gui's configuration once, before its application object is created:
    /// waits for the work <see cref="StartApplying"/> began, or starts it now.</summary>
    public static void EnsureApplied() => Applying.Value.GetAwaiter().GetResult();

    private static void Apply()
    {
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
