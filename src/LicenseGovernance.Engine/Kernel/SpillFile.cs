using System;
using System.IO;
using System.Text;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// A temporary file written once and then read once from the start; the system deletes it when it is closed, also when
    /// the process ends without closing it.
    /// </summary>
    internal sealed class SpillFile : IDisposable
    {
        private readonly FileStream _stream;
        private bool _disposed;

        public SpillFile()
        {
            FilePath = Path.Combine(Path.GetTempPath(), "LicenseGovernance-" + Guid.NewGuid().ToString("N") + ".spill");
            try
            {
                _stream = new FileStream(FilePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Errors.TemporaryFileUnavailable(Path.GetTempPath(), e.Message).ToException();
            }

            Writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
        }

        public string FilePath { get; }

        public BinaryWriter Writer { get; }

        /// <summary>Ends writing and reads from the start.</summary>
        public BinaryReader Rewind()
        {
            Writer.Flush();
            _stream.Position = 0;
            return new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
        }

        /// <summary>Closes and so deletes the file; a second call does nothing.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Writer.Dispose();
            _stream.Dispose();
        }
    }
}
