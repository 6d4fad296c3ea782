package io.velocity.hmr.compile.jsx;

import java.util.Map;
import java.util.Set;

/**
 * What the compiler knows about element and attribute names, as Solid's compiler does.
 * The runtime's spread (web-spread.js) and delegation (web-events.js) know the same.
 */
final class JsxNames {

	/** Events handled by one listener on the document per type. */
	static final Set<String> DELEGATED_EVENTS = Set.of("beforeinput", "click", "dblclick", "contextmenu", "focusin",
			"focusout", "input", "keydown", "keyup", "mousedown", "mousemove", "mouseout", "mouseover", "mouseup",
			"pointerdown", "pointermove", "pointerout", "pointerover", "pointerup", "touchend", "touchmove",
			"touchstart");

	/** Attributes present or absent, set with setBoolAttribute on HTML elements. */
	static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("allowfullscreen", "async", "autofocus", "autoplay",
			"controls", "default", "disabled", "formnovalidate", "hidden", "inert", "ismap", "loop", "nomodule",
			"novalidate", "open", "playsinline", "readonly", "required", "reversed", "seamless");

	/**
	 * Props that are DOM properties on HTML elements (the attribute, if any, is only the
	 * initial value), by JSX name.
	 */
	static final Map<String, String> PROPERTIES = Map.ofEntries(Map.entry("value", "value"),
			Map.entry("checked", "checked"), Map.entry("selected", "selected"), Map.entry("muted", "muted"),
			Map.entry("indeterminate", "indeterminate"), Map.entry("multiple", "multiple"),
			Map.entry("readOnly", "readOnly"), Map.entry("defaultValue", "defaultValue"),
			Map.entry("defaultChecked", "defaultChecked"));

	/** Props that set an element's content, in place of its children. */
	static final Set<String> CHILD_PROPERTIES = Set.of("innerHTML", "textContent", "innerText");

	/** Attribute namespaces with a URI. */
	static final Map<String, String> NAMESPACES = Map.of("xlink", "http://www.w3.org/1999/xlink", "xml",
			"http://www.w3.org/XML/1998/namespace");

	/**
	 * Elements that exist only in SVG: as the root of a template they are parsed inside
	 * an svg.
	 */
	static final Set<String> SVG_ELEMENTS = Set.of("svg", "animate", "animateMotion", "animateTransform", "circle",
			"clipPath", "defs", "desc", "ellipse", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
			"feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
			"feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
			"feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
			"filter", "foreignObject", "g", "image", "line", "linearGradient", "marker", "mask", "metadata", "mpath",
			"path", "pattern", "polygon", "polyline", "radialGradient", "rect", "set", "stop", "switch", "symbol",
			"text", "textPath", "tspan", "use", "view");

	/** HTML elements without content or end tag. */
	static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
			"meta", "param", "source", "track", "wbr");

	/** Elements whose text the HTML parser takes as it is, without entities. */
	static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style");

	private JsxNames() {
	}

	/**
	 * Whether an attribute name is an event handler ({@code onClick}, {@code onclick}),
	 * which must never become an attribute.
	 */
	static boolean isEvent(String name) {
		return name.length() > 2 && name.regionMatches(true, 0, "on", 0, 2);
	}

	/**
	 * Whether a tag names a component rather than an element: capitalised, or dotted.
	 */
	static boolean isComponent(String tag) {
		return !tag.isEmpty() && (Character.isUpperCase(tag.codePointAt(0)) || tag.indexOf('.') >= 0);
	}

	/**
	 * Whether a name can be written as a property key without quotes.
	 */
	static boolean isIdentifier(String name) {
		if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
			return false;
		}
		for (int i = 1; i < name.length(); i++) {
			if (!Character.isJavaIdentifierPart(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
