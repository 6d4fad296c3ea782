/**
 * The JSX namespace of Velocity, shaped as Solid's: what compiled TSX accepts on elements and
 * components. 'velocity' owns it ('velocity/jsx-runtime' re-exports it for "jsxImportSource":
 * "velocity"); 'solid-js' re-exports all of 'velocity', with a JSX namespace of its own whose
 * augmentable interfaces (Directives, ExplicitProperties...) count too, so that Solid code that
 * declares its directives with `declare module 'solid-js' { namespace JSX { ... } }` type-checks.
 */

declare module 'velocity' {
	import type { JSX as SolidJSX } from 'solid-js';

	export namespace JSX {
		type Element = Node | ArrayElement | FunctionElement | (string & {}) | number | boolean | null | undefined;
		interface ArrayElement extends Array<Element> {}
		type FunctionElement = () => Element;
		interface ElementClass {}
		interface ElementAttributesProperty {}
		interface ElementChildrenAttribute {
			children: {};
		}

		/** A handler: currentTarget is the element it is written on. */
		interface EventHandler<T, E extends Event> {
			(event: E & { currentTarget: T; target: Element }): void;
		}
		/** {@code onClick={[handler, data]}}: the handler gets data, then the event (delegated events). */
		interface BoundEventHandler<T, E extends Event> {
			0: (data: any, event: E & { currentTarget: T; target: Element }) => void;
			1: any;
		}
		type EventHandlerUnion<T, E extends Event> = EventHandler<T, E> | BoundEventHandler<T, E>;

		/** Declare `use:name` directives by augmenting this interface: `interface Directives { name: ValueType }`. */
		interface Directives {}
		/** `prop:name` values set as DOM properties. */
		interface ExplicitProperties {}
		/** `attr:name` values set as attributes. */
		interface ExplicitAttributes {}
		/** `on:name` events of your own, by name. */
		interface CustomEvents {}
		/** `oncapture:name` events of your own, by name. */
		interface CustomCaptureEvents {}

		type AllDirectives = Directives & SolidJSX.Directives;
		type DirectiveAttributes = { [K in keyof AllDirectives as `use:${K & string}`]?: AllDirectives[K] };
		type PropAttributes = {
			[K in keyof (ExplicitProperties & SolidJSX.ExplicitProperties) as `prop:${K & string}`]?:
				(ExplicitProperties & SolidJSX.ExplicitProperties)[K];
		};
		type AttrAttributes = {
			[K in keyof (ExplicitAttributes & SolidJSX.ExplicitAttributes) as `attr:${K & string}`]?:
				(ExplicitAttributes & SolidJSX.ExplicitAttributes)[K];
		};
		type OnAttributes<T> = {
			[K in keyof (CustomEvents & SolidJSX.CustomEvents) as `on:${K & string}`]?:
				EventHandler<T, Extract<(CustomEvents & SolidJSX.CustomEvents)[K], Event>>;
		};
		type OnCaptureAttributes<T> = {
			[K in keyof (CustomCaptureEvents & SolidJSX.CustomCaptureEvents) as `oncapture:${K & string}`]?:
				EventHandler<T, Extract<(CustomCaptureEvents & SolidJSX.CustomCaptureEvents)[K], Event>>;
		};

		/** The events with a camelCase handler prop (onClick) and a lower-case one (onclick). */
		interface EventTypes {
			Abort: Event; AnimationEnd: AnimationEvent; AnimationStart: AnimationEvent; BeforeInput: InputEvent;
			Blur: FocusEvent; Change: Event; Click: MouseEvent; ContextMenu: MouseEvent; Copy: ClipboardEvent;
			Cut: ClipboardEvent; DblClick: MouseEvent; Drag: DragEvent; DragEnd: DragEvent; DragEnter: DragEvent;
			DragLeave: DragEvent; DragOver: DragEvent; DragStart: DragEvent; Drop: DragEvent; Error: Event;
			Focus: FocusEvent; FocusIn: FocusEvent; FocusOut: FocusEvent; Input: InputEvent; Invalid: Event;
			KeyDown: KeyboardEvent; KeyPress: KeyboardEvent; KeyUp: KeyboardEvent; Load: Event;
			MouseDown: MouseEvent; MouseEnter: MouseEvent; MouseLeave: MouseEvent; MouseMove: MouseEvent;
			MouseOut: MouseEvent; MouseOver: MouseEvent; MouseUp: MouseEvent; Paste: ClipboardEvent;
			PointerDown: PointerEvent; PointerEnter: PointerEvent; PointerLeave: PointerEvent;
			PointerMove: PointerEvent; PointerOut: PointerEvent; PointerOver: PointerEvent; PointerUp: PointerEvent;
			Reset: Event; Resize: UIEvent; Scroll: Event; Select: Event; Submit: SubmitEvent; Toggle: Event;
			TouchEnd: TouchEvent; TouchMove: TouchEvent; TouchStart: TouchEvent; TransitionEnd: TransitionEvent;
			Wheel: WheelEvent;
		}
		type EventAttributes<T> = { [K in keyof EventTypes as `on${K}`]?: EventHandlerUnion<T, EventTypes[K]> } & {
			[K in keyof EventTypes as `on${Lowercase<K>}`]?: EventHandlerUnion<T, EventTypes[K]>;
		};

		interface CustomAttributes<T> {
			/** A variable to assign the element to, or a function called with it. */
			ref?: T | ((element: T) => void);
			classList?: { [className: string]: boolean | undefined };
		}

		type DOMAttributes<T> = CustomAttributes<T> & DirectiveAttributes & PropAttributes & AttrAttributes
			& OnAttributes<T> & OnCaptureAttributes<T> & EventAttributes<T> & {
				children?: Element;
				innerHTML?: string;
				innerText?: string | number;
				textContent?: string | number;
				[native: `on:${string}`]: EventHandler<T, any> | undefined;
				[capture: `oncapture:${string}`]: EventHandler<T, any> | undefined;
				[property: `prop:${string}`]: any;
				[attribute: `attr:${string}`]: string | number | boolean | undefined;
			};

		/** Inline style: a string, or properties by their CSS (kebab-case) or camelCase name. */
		type CSSProperties = { [property: string]: string | number | null | undefined };

		type HTMLAttributes<T> = DOMAttributes<T> & {
			id?: string;
			class?: string;
			className?: string;
			style?: CSSProperties | string;
			title?: string;
			lang?: string;
			dir?: 'ltr' | 'rtl' | 'auto';
			hidden?: boolean | 'hidden' | 'until-found';
			tabIndex?: number | string;
			tabindex?: number | string;
			role?: string;
			draggable?: boolean | 'true' | 'false';
			contentEditable?: boolean | 'true' | 'false' | 'plaintext-only' | 'inherit';
			spellcheck?: boolean;
			accessKey?: string;
			inert?: boolean;
			slot?: string;
			part?: string;
			is?: string;
			/* Form, link, media and table attributes, accepted on any element. */
			accept?: string; action?: string; alt?: string; autocomplete?: string; autofocus?: boolean;
			checked?: boolean; cols?: number | string; colSpan?: number | string; colspan?: number | string;
			disabled?: boolean; download?: any; for?: string; form?: string; height?: number | string;
			href?: string; htmlFor?: string; loading?: 'eager' | 'lazy'; max?: number | string;
			maxLength?: number | string; maxlength?: number | string; method?: string; min?: number | string;
			minLength?: number | string; minlength?: number | string; multiple?: boolean; name?: string;
			open?: boolean; pattern?: string; placeholder?: string; readOnly?: boolean; readonly?: boolean;
			rel?: string; required?: boolean; rows?: number | string; rowSpan?: number | string;
			rowspan?: number | string; selected?: boolean; size?: number | string; span?: number | string;
			src?: string; step?: number | string; target?: string; type?: string; value?: string | string[] | number;
			width?: number | string; wrap?: string;
			[data: `data-${string}`]: string | number | boolean | undefined;
			[aria: `aria-${string}`]: string | number | boolean | undefined;
		};

		/** SVG elements take any presentation attribute. */
		type SVGAttributes<T> = DOMAttributes<T> & {
			id?: string;
			class?: string;
			style?: CSSProperties | string;
			[attribute: string]: any;
		};

		type IntrinsicElements = {
			[K in keyof HTMLElementTagNameMap]: HTMLAttributes<HTMLElementTagNameMap[K]>;
		} & {
			[K in Exclude<keyof SVGElementTagNameMap, keyof HTMLElementTagNameMap>]: SVGAttributes<SVGElementTagNameMap[K]>;
		} & {
			[custom: `${string}-${string}`]: HTMLAttributes<HTMLElement> & { [attribute: string]: any };
		};
	}
}

declare module 'velocity/jsx-runtime' {
	export { Fragment, JSX, jsx, jsxs } from 'velocity';
	export { jsx as jsxDEV } from 'velocity';
}

declare module 'solid-js' {
	export * from 'velocity';
	import type { JSX as VelocityJSX } from 'velocity';

	/** Velocity's JSX under Solid's name; augment Directives and the others here or on 'velocity'. */
	export namespace JSX {
		type Element = VelocityJSX.Element;
		type ArrayElement = VelocityJSX.ArrayElement;
		type FunctionElement = VelocityJSX.FunctionElement;
		type ElementChildrenAttribute = VelocityJSX.ElementChildrenAttribute;
		type EventHandler<T, E extends Event> = VelocityJSX.EventHandler<T, E>;
		type BoundEventHandler<T, E extends Event> = VelocityJSX.BoundEventHandler<T, E>;
		type EventHandlerUnion<T, E extends Event> = VelocityJSX.EventHandlerUnion<T, E>;
		type DOMAttributes<T> = VelocityJSX.DOMAttributes<T>;
		type HTMLAttributes<T> = VelocityJSX.HTMLAttributes<T>;
		type SVGAttributes<T> = VelocityJSX.SVGAttributes<T>;
		type CSSProperties = VelocityJSX.CSSProperties;
		type IntrinsicElements = VelocityJSX.IntrinsicElements;
		interface Directives {}
		interface ExplicitProperties {}
		interface ExplicitAttributes {}
		interface CustomEvents {}
		interface CustomCaptureEvents {}
	}
}

declare module 'solid-js/jsx-runtime' {
	export { JSX } from 'solid-js';
}

declare module 'solid-js/web' {
	export * from 'velocity/web';
}
