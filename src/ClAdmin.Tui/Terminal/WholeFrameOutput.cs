using System.Runtime.CompilerServices;
using System.Text;
using Terminal.Gui.Drivers;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// Terminal.Gui's ANSI output, with each frame sent to the terminal in one write. Terminal.Gui
/// 2.5.0 writes a frame a piece at a time: a cursor move, then the text of a row, for every row
/// that changed, each in a write(2) of its own (about 50 for a full SMIT screen). A terminal can
/// show the top of a new frame over the bottom of the old one in between, and over ssh, where
/// smitty is usually run, each write can go out as a packet of its own. Here the pieces of one
/// frame are collected and written at its end, in the order Terminal.Gui produced them. Writes
/// outside a frame (the cursor, the terminal's modes) go out as before.
/// </summary>
internal sealed class WholeFrameOutput : AnsiOutput
{
    private StringBuilder? _frame;

    /// <summary>Makes <paramref name="factory"/> create this output (Terminal.Gui takes an output
    /// only through its factory's internal constructor, so its field is set here). False if the
    /// field is not there (another Terminal.Gui): the output is Terminal.Gui's own.</summary>
    public static bool Use(AnsiComponentFactory factory)
    {
        try
        {
            ref var output = ref OutputField(factory);
            output ??= new WholeFrameOutput();
            return output is WholeFrameOutput;
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException or InvalidCastException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public override void Write(IOutputBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var frame = _frame = new StringBuilder();
        try
        {
            base.Write(buffer);
        }
        finally
        {
            _frame = null;
            if (frame.Length > 0)
            {
                base.Write(frame);
            }
        }
    }

    /// <inheritdoc/>
    protected override void Write(StringBuilder output)
    {
        if (_frame is { } frame)
        {
            frame.Append(output);
            return;
        }
        base.Write(output);
    }

    /// <summary>The cursor moves between a frame's rows, collected with them. Outside a frame, and
    /// for the rule Terminal.Gui applies (no move to where the cursor already is), as before.</summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (_frame is not { } frame)
        {
            return base.SetCursorPositionImpl(col, row);
        }
        if (GetCursor().Position is { } at && at.X == col && at.Y == row)
        {
            return false;
        }
        frame.Append(EscSeqUtils.CSI_SetCursorPosition(row + 1, col + 1));
        return true;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_output")]
    private static extern ref IOutput? OutputField(AnsiComponentFactory factory);
}
