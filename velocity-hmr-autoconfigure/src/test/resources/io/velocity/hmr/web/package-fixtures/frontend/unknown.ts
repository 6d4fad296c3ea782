import leftPad from 'left-pad';

export default leftPad;
