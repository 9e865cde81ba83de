using System.Buffers.Binary;
using Tapline.Tracing.Perf;
using ZstdSharp.Unsafe;

namespace Tapline.Tracing.Recording;

/// <summary>
/// The records of `perf record -z`: PERF_RECORD_COMPRESSED (and COMPRESSED2) hold pieces of one
/// zstd stream, which perf flushes but never ends, whose content is more records. As perf
/// does, one decompression context reads every piece in order, so a record split between two
/// pieces comes out whole, and the stream may stop where the recording stops.
/// </summary>
internal sealed unsafe class CompressedRecords : IDisposable
{
    /// <summary>No perf.data decompresses to more than this; a larger claim is a corrupt or hostile file.</summary>
    private const long MaxDecompressedBytes = 4L << 30;

    private readonly ZSTD_DCtx_s* _context = Methods.ZSTD_createDCtx();
    private readonly byte[] _buffer = new byte[256 << 10];

    private long _decompressedBytes;

    /// <summary>Appends to <paramref name="output"/> what one COMPRESSED record's data decompresses to.</summary>
    public void Expand(uint type, ReadOnlySpan<byte> body, MemoryStream output)
    {
        var data = Data(type, body);
        fixed (byte* source = data)
        fixed (byte* target = _buffer)
        {
            var input = new ZSTD_inBuffer_s { src = source, size = (nuint)data.Length, pos = 0 };
            while (true)
            {
                var produced = new ZSTD_outBuffer_s { dst = target, size = (nuint)_buffer.Length, pos = 0 };
                var result = Methods.ZSTD_decompressStream(_context, &produced, &input);
                if (Methods.ZSTD_isError(result))
                    throw new InvalidDataException($"compressed records do not decompress: {Methods.ZSTD_getErrorName(result)}");
                _decompressedBytes += (long)produced.pos;
                if (_decompressedBytes > MaxDecompressedBytes)
                    throw new InvalidDataException("the compressed records decompress to more than 4 GB");
                output.Write(_buffer, 0, (int)produced.pos);
                // Done with this piece once it is all read and the output had room to spare.
                if (input.pos == input.size && produced.pos < produced.size)
                    return;
            }
        }
    }

    private static ReadOnlySpan<byte> Data(uint type, ReadOnlySpan<byte> body)
    {
        if (type != PerfRecordType.Compressed2)
            return body;
        if (body.Length < 8)
            throw new InvalidDataException("a COMPRESSED2 record is too short for its size field");
        var size = BinaryPrimitives.ReadUInt64LittleEndian(body);
        if (size > (ulong)(body.Length - 8))
            throw new InvalidDataException($"a COMPRESSED2 record claims {size} bytes of data in {body.Length - 8}");
        return body.Slice(8, (int)size);
    }

    public void Dispose() => Methods.ZSTD_freeDCtx(_context);
}
