package io.velocity.hmr.registry;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import io.velocity.hmr.compile.KeptData;

/**
 * Writes a module's registry form as bytes and reads it back, without its key, which the
 * file that keeps it names: the same fields for a form kept alone and for one in a page
 * kept whole.
 */
final class RegistryModuleCodec {

	private RegistryModuleCodec() {
	}

	static void write(DataOutputStream out, RegistryModule module) throws IOException {
		KeptData.writeText(out, module.code());
		out.writeInt(module.firstLineShift());
		KeptData.writeStrings(out, module.imports());
	}

	static RegistryModule read(DataInputStream in, String key) throws IOException {
		String code = KeptData.readText(in);
		int firstLineShift = in.readInt();
		return new RegistryModule(key, code, firstLineShift, KeptData.readStrings(in));
	}

}
