using System.Text;

namespace ClAdmin;

/// <summary>
/// Standard error while the full screens are up: what is written passes straight through until
/// <see cref="Hold"/>, then waits (a warning would draw over the screens) until <see cref="Release"/>
/// prints it, after the screens close.
/// </summary>
public sealed class HeldWriter(TextWriter inner) : TextWriter
{
    private readonly Lock _gate = new();
    private StringBuilder? _held;

    public override Encoding Encoding => inner.Encoding;

    public void Hold()
    {
        lock (_gate)
        {
            _held ??= new StringBuilder();
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            if (_held is { Length: > 0 } held)
            {
                inner.Write(held.ToString());
            }
            _held = null;
        }
        inner.Flush();
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Append(value);
            }
            else
            {
                inner.Write(value);
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Append(value);
            }
            else
            {
                inner.Write(value);
            }
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_held is null)
            {
                inner.Flush();
            }
        }
    }
}
