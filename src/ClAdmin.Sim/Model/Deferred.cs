namespace ClAdmin.Sim.Model;

/// <summary>
/// A part of a loaded world kept as its stored JSON until something uses it: most commands touch
/// a few parts of a few nodes, and reading every node's users or software into objects cost more
/// than the command. Unread, it is saved again as the same JSON; once read (or replaced) it is an
/// object like any other.
/// </summary>
/// <remarks>A mutable struct: keep it in a field and use it through the field.</remarks>
internal struct Deferred<T>
    where T : class
{
    private T? _value;
    private Func<T>? _read;

    public Deferred(T value) => _value = value;

    /// <summary>The stored JSON while nothing has read it (empty after).</summary>
    public ReadOnlyMemory<byte> Unread { get; private set; }

    public T Value
    {
        get
        {
            if (_value is null)
            {
                _value = _read!();
                _read = null;
                Unread = default;
            }
            return _value;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _value = value;
            _read = null;
            Unread = default;
        }
    }

    /// <summary>The value is to be read from <paramref name="json"/> by <paramref name="read"/> on first use.</summary>
    public void Keep(ReadOnlyMemory<byte> json, Func<T> read)
    {
        _value = null;
        _read = read;
        Unread = json;
    }
}
